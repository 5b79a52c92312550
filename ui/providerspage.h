#pragma once

#include "config/providerdraft.h"
#include "config/secretstore.h"
#include "proxy/providerprobe.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class KeychainCommit;
class NumberField;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QToolButton;
class Settings;
class UpstreamConnectionPool;
struct ProviderPreset;

// The providers the proxy forwards to: a list on the left, an editor for the selected one on
// the right. The page lays them out and binds the editor to ProviderDrafts; Apply hands them
// to a KeychainCommit, which stores keys in the OS keychain and the providers in Settings.
// Keys go nowhere else: with no keychain the page offers an environment variable instead.
class ProvidersPage : public QWidget
{
    Q_OBJECT

public:
    ProvidersPage(Settings *settings, SecretStore *secrets, UpstreamConnectionPool *upstreams,
                  QWidget *parent = nullptr);
    ~ProvidersPage() override;

Q_SIGNALS:
    // After Apply has stored the providers (and their keys).
    void providersChanged();

private:
    // A provider in the list: the id lets a probe's late answer find its row again.
    struct Entry
    {
        int id = 0;
        ProviderDraft draft;
    };
    enum class Probe { FetchModels, TestConnection };

    void buildUi();
    QWidget *buildEditor();
    void reload();
    void addDraft(const ProviderPreset *preset, UpstreamApi format);
    QString uniqueName(const QString &base) const;
    QList<ProviderDraft> drafts() const;

    Entry *current();
    int rowOf(int entryId) const;
    void addEntry(const Entry &entry);
    void removeCurrent();
    void showEntry(int row);
    void showKeySource();
    void refreshItem(int row);
    void refreshKeyHint();
    void refreshEndpointHint();
    void refreshButtons();
    void markDirty();

    void onNameEdited(const QString &text);
    void onBaseUrlEdited(const QString &text);
    void onFormatChosen(int index);
    void onMaxOutputTokensChanged(qint64 value);
    void onKeyEdited(const QString &text);
    void onKeyEnvEdited(const QString &text);
    void onKeySourceChosen();
    void onShowKeyToggled(bool shown);

    // Fetch models and Test connection: the same GET of the provider's model list.
    void probe(Probe kind);
    void sendProbe(Probe kind, int entryId, const QString &key);
    void finishProbe(Probe kind, int entryId, const ProviderProbe::Result &result);
    void cancelProbe();
    void showProbeResult(bool ok, const QString &text);

    void apply();
    void onCommitFinished(bool ok, const QString &message, const QStringList &warnings);
    void keychainUnavailable();
    void revert();
    void showStatus(const QString &text, bool problem);

    Settings *m_settings;
    SecretStore *m_secrets;
    UpstreamConnectionPool *m_upstreams;
    KeychainCommit *m_commit;

    QList<Entry> m_entries;
    int m_nextId = 1;
    bool m_dirty = false;
    bool m_populating = false;
    bool m_keychainAvailable = true;
    QStringList m_keysToForget; // keychain names of removed providers, until the next Apply

    QPointer<ProviderProbe> m_probe;
    int m_probeSerial = 0; // a newer probe or another selection makes older answers stale
    bool m_probing = false;

    QListWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QWidget *m_editor = nullptr; // the scroll area around the form
    QLabel *m_emptyHint = nullptr;
    QLabel *m_presetLabel = nullptr;
    QLabel *m_presetNotes = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_baseUrlEdit = nullptr;
    QLabel *m_endpointHint = nullptr;
    QComboBox *m_formatCombo = nullptr;
    QRadioButton *m_keychainRadio = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QAction *m_showKeyAction = nullptr;
    QToolButton *m_showKeyButton = nullptr;
    QLabel *m_keyHint = nullptr;
    QLabel *m_keychainWarning = nullptr;
    QRadioButton *m_envRadio = nullptr;
    QLineEdit *m_keyEnvEdit = nullptr;
    NumberField *m_maxOutputTokensSpin = nullptr;
    QListWidget *m_modelList = nullptr;
    QLabel *m_modelsSource = nullptr;
    QPushButton *m_fetchButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_probeResult = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_revertButton = nullptr;
};
