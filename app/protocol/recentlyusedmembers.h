#pragma once

#include <QList>
#include <QtGlobal>

#include <optional>

// What RecurringJsonParser and RecurringJsonWriter remember of the large top-level members of
// the bodies they saw: the most recently used first, within a budget of bytes of JSON. Claude
// Code's tools and system prompt recur on every turn; a member used once is pushed out by
// those that come back.
template<typename Key, typename Value>
class RecentlyUsedMembers
{
public:
    // Smaller members are handled anew every time: comparing and keeping them would cost more
    // than it saves.
    static constexpr qsizetype minBytes = 4096;
    // The tools and system prompts of a few sessions and their subagents at once.
    static constexpr qsizetype bytesLimit = 1024 * 1024;
    // Larger members are one-offs, such as a long session's messages, not worth the memory.
    static constexpr qsizetype maxBytes = bytesLimit / 4;

    static bool isWorthRemembering(qsizetype jsonBytes) { return jsonBytes >= minBytes && jsonBytes <= maxBytes; }

    // The value remembered for a key equal to `key`, which becomes the most recently used.
    template<typename Comparable>
    std::optional<Value> recall(const Comparable &key)
    {
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            if (m_entries[i].key == key) {
                m_entries.move(i, 0);
                return m_entries.first().value;
            }
        }
        return std::nullopt;
    }

    // Keeps `value` for `key`, `jsonBytes` of JSON, forgetting the least recently used beyond the budget.
    void remember(Key key, Value value, qsizetype jsonBytes)
    {
        m_entries.prepend({std::move(key), std::move(value), jsonBytes});
        m_bytes += jsonBytes;
        while (m_bytes > bytesLimit) {
            m_bytes -= m_entries.last().jsonBytes;
            m_entries.removeLast();
        }
    }

private:
    struct Entry
    {
        Key key;
        Value value;
        qsizetype jsonBytes;
    };
    QList<Entry> m_entries; // the most recently used first
    qsizetype m_bytes = 0;
};
