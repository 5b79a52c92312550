// The Requests tab over a real RequestLog: rows appear and follow the newest, the filters
// narrow them, the selected request's details show below, and "Copy as curl" gives a
// command for the proxy that never holds a key.
#include "monitor/requestlog.h"
#include "requestspage.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QPlainTextEdit>
#include <QTest>

#include <memory>

namespace {

TokenUsage usage(qint64 input, qint64 output, qint64 cacheRead = 0)
{
    TokenUsage result;
    result.input = input;
    result.output = output;
    result.cacheRead = cacheRead;
    result.reported = true;
    return result;
}

// As the proxy does it: begin with what the client sent, learn the route and the usage on
// the way, then finish (unless `finish` is false: the request is still running).
quint64 runRequest(RequestLog &log, const QString &clientModel, const QString &provider, const QString &upstreamModel,
                   int status = 200, const QString &error = {}, bool finish = true)
{
    RequestRecord record;
    record.method = QStringLiteral("POST");
    record.path = QStringLiteral("/v1/messages");
    const quint64 id = log.begin(record);
    log.update(id, [&](RequestRecord &running) {
        running.clientModel = clientModel;
        running.stream = true;
        running.provider = provider;
        running.upstreamModel = upstreamModel;
        running.attempts = 1;
    });
    if (finish) {
        log.markFirstByte(id);
        log.update(id, [&](RequestRecord &running) {
            running.usage = usage(1200, 345, 800);
            if (status >= 500) {
                running.attempts = 2;
                running.notes << QStringLiteral("retried after 502 from %1").arg(provider);
            }
        });
        log.finish(id, status, error);
    }
    return id;
}

} // namespace

class TestRequestsPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RequestLog> m_log;
    std::unique_ptr<RequestsPage> m_page;

    template<typename T>
    T *child(const char *name) const
    {
        T *widget = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }

    QTableView *table() const { return child<QTableView>("requestsTable"); }
    int visibleRows() const { return table()->model()->rowCount(); }
    QString detail(const char *name) const { return child<QLabel>(name)->text(); }

private Q_SLOTS:
    void init()
    {
        m_log = std::make_unique<RequestLog>();
        runRequest(*m_log, QStringLiteral("claude-sonnet-4-5"), QStringLiteral("openrouter"), QStringLiteral("glm-4.6"));
        runRequest(*m_log, QStringLiteral("claude-haiku-4-5"), QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"));
        runRequest(*m_log, QStringLiteral("claude-opus-4-1"), QStringLiteral("openrouter"), QStringLiteral("kimi-k2"), 502,
                   QStringLiteral("upstream timed out"));
        m_page = std::make_unique<RequestsPage>(m_log.get());
        m_page->setProxyBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8787")));
        m_page->resize(900, 600);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_log.reset();
    }

    void showsRowsAsTheyArrive()
    {
        QCOMPARE(visibleRows(), 3);
        QCOMPARE(child<QLabel>("requestsCount")->text(), QStringLiteral("Requests: 3"));
        const QModelIndex model = table()->model()->index(0, 1);
        QVERIFY2(model.data().toString().contains(QStringLiteral("openrouter")), qPrintable(model.data().toString()));

        runRequest(*m_log, QStringLiteral("claude-sonnet-4-5"), QStringLiteral("zai"), QStringLiteral("glm-4.6"));
        QCOMPARE(visibleRows(), 4);
        QTRY_COMPARE(table()->model()->index(3, 3).data().toString(), QStringLiteral("200"));
        QCOMPARE(child<QLabel>("requestsCount")->text(), QStringLiteral("Requests: 4"));
    }

    void filterTextNarrowsRows()
    {
        auto *search = child<QLineEdit>("requestsSearch");
        QCOMPARE(search->placeholderText(), QStringLiteral("Filter by model, provider, status or error"));
        QTest::keyClicks(search, QStringLiteral("haiku"));
        QCOMPARE(visibleRows(), 1);
        QVERIFY(table()->model()->index(0, 1).data().toString().contains(QStringLiteral("claude-haiku-4-5")));
        QCOMPARE(child<QLabel>("requestsCount")->text(), QStringLiteral("Showing 1 of 3"));

        search->clear();
        QTest::keyClicks(search, QStringLiteral("timed out"));
        QCOMPARE(visibleRows(), 1);

        auto *clear = child<QPushButton>("clearFiltersButton");
        QVERIFY(clear->isEnabled());
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(visibleRows(), 3);
        QVERIFY(search->text().isEmpty());
        QVERIFY(!clear->isEnabled());
    }

    void outcomeAndProviderFilter()
    {
        auto *outcome = child<QComboBox>("requestsOutcome");
        QCOMPARE(outcome->count(), 3);
        outcome->setCurrentIndex(outcome->findText(QStringLiteral("Failed")));
        QCOMPARE(visibleRows(), 1);
        outcome->setCurrentIndex(outcome->findText(QStringLiteral("Succeeded")));
        QCOMPARE(visibleRows(), 2);
        outcome->setCurrentIndex(0);

        auto *provider = child<QComboBox>("requestsProvider");
        QCOMPARE(provider->count(), 3); // All, deepseek, openrouter
        QCOMPARE(provider->itemText(1), QStringLiteral("deepseek"));
        provider->setCurrentIndex(provider->findText(QStringLiteral("openrouter")));
        QCOMPARE(visibleRows(), 2);

        // A provider first seen after the page was built joins the list.
        runRequest(*m_log, QStringLiteral("claude-sonnet-4-5"), QStringLiteral("moonshot"), QStringLiteral("kimi-k2"));
        QTRY_COMPARE(provider->count(), 4);
        QCOMPARE(provider->currentText(), QStringLiteral("openrouter"));
        QCOMPARE(visibleRows(), 2);
    }

    void selectingRowFillsDetail()
    {
        auto *stack = child<QStackedWidget>("requestDetail");
        QCOMPARE(stack->currentIndex(), 0);

        table()->selectRow(2);
        QCOMPARE(stack->currentIndex(), 1);
        QCOMPARE(detail("detailRequest"), QStringLiteral("POST /v1/messages (streaming)"));
        QCOMPARE(detail("detailRoute"), QStringLiteral("claude-opus-4-1 → openrouter / kimi-k2"));
        QCOMPARE(detail("detailStatus"), QStringLiteral("502 Bad Gateway"));
        const QLocale locale;
        QCOMPARE(detail("detailTokens"), QStringLiteral("%1 in · 345 out · 800 cached").arg(locale.toString(1200)));
        QCOMPARE(detail("detailAttempts"), QStringLiteral("2"));
        QCOMPARE(detail("detailError"), QStringLiteral("upstream timed out"));
        QVERIFY(child<QLabel>("detailError")->isVisible());
        QVERIFY(detail("detailNotes").contains(QStringLiteral("retried")));
        QVERIFY(detail("detailLatency").endsWith(QStringLiteral(" ms")));
        QVERIFY(!detail("detailTime").isEmpty());

        table()->selectRow(0);
        QCOMPARE(detail("detailStatus"), QStringLiteral("200 OK"));
        QVERIFY(!child<QLabel>("detailError")->isVisible());
        QVERIFY(!child<QLabel>("detailNotes")->isVisible());

        // The pane shows what is selected, also when the filter moves the selection on...
        auto *search = child<QLineEdit>("requestsSearch");
        QTest::keyClicks(search, QStringLiteral("deepseek"));
        QCOMPARE(visibleRows(), 1);
        QCOMPARE(table()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(detail("detailRoute"), QStringLiteral("claude-haiku-4-5 → deepseek / deepseek-chat"));
        // ...and nothing once no row is left.
        QTest::keyClicks(search, QStringLiteral(" nothing like it"));
        QCOMPARE(visibleRows(), 0);
        QCOMPARE(stack->currentIndex(), 0);
    }

    void detailFollowsRunningRequest()
    {
        const quint64 id = runRequest(*m_log, QStringLiteral("claude-sonnet-4-5"), QStringLiteral("zai"),
                                      QStringLiteral("glm-4.6"), 200, {}, false);
        table()->selectRow(3);
        QCOMPARE(detail("detailStatus"), QStringLiteral("running"));
        m_log->update(id, [](RequestRecord &record) { record.usage = usage(10, 20); });
        m_log->finish(id, 200);
        QTRY_COMPARE(detail("detailStatus"), QStringLiteral("200 OK"));
        QCOMPARE(detail("detailTokens"), QStringLiteral("10 in · 20 out · 0 cached"));
    }

    void copyAsCurl()
    {
        QClipboard *clipboard = QApplication::clipboard();
        clipboard->clear();
        // Credentials in the base URL are as secret as a key.
        m_page->setProxyBaseUrl(QUrl(QStringLiteral("http://user:sk-ant-secret@127.0.0.1:8787")));
        table()->selectRow(0);
        auto *copy = child<QPushButton>("copyCurlButton");
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);

        const QString command = clipboard->text();
        QVERIFY2(command.startsWith(QStringLiteral("# request body not kept")), qPrintable(command));
        QVERIFY2(command.contains(QStringLiteral("curl -N 'http://127.0.0.1:8787/v1/messages'")), qPrintable(command));
        QVERIFY(command.contains(QStringLiteral("-H 'content-type: application/json'")));
        QVERIFY(command.contains(QStringLiteral("-H \"x-api-key: $ANTHROPIC_AUTH_TOKEN\"")));
        QVERIFY(command.contains(QStringLiteral("-d @- <<'JSON'\n{")));
        QVERIFY(command.contains(QStringLiteral("\"model\":\"claude-sonnet-4-5\"")));
        QVERIFY(command.contains(QStringLiteral("\"stream\":true")));
        QVERIFY(command.endsWith(QStringLiteral("\nJSON\n")));
        QVERIFY2(!command.contains(QStringLiteral("secret")) && !command.contains(QStringLiteral("user:")), qPrintable(command));
    }

    void bodiesAndTheirReplay()
    {
        const QByteArray body = "{\"model\":\"claude-opus-5-5\",\"max_tokens\":10,\"messages\":[]}";
        RequestRecord record;
        record.method = QStringLiteral("POST");
        record.path = QStringLiteral("/v1/messages");
        record.requestBody = body;
        record.upstreamRequestBody = "{\"model\":\"deepseek-chat\"}";
        record.responseBody = "event: message_start\ndata: {}\n\n";
        const quint64 id = m_log->begin(record);
        m_log->finish(id, 200);
        QTRY_COMPARE(visibleRows(), 4);
        table()->selectRow(3);
        QVERIFY(child<QPlainTextEdit>("requestBody")->toPlainText().contains(QStringLiteral("\"claude-opus-5-5\"")));
        QVERIFY(child<QPlainTextEdit>("upstreamBody")->toPlainText().contains(QStringLiteral("\"deepseek-chat\"")));
        QVERIFY(child<QPlainTextEdit>("responseBody")->toPlainText().startsWith(QStringLiteral("event: message_start")));

        // A body kept whole is what the command sends again.
        QApplication::clipboard()->clear();
        QTest::mouseClick(child<QPushButton>("copyCurlButton"), Qt::LeftButton);
        const QString command = QApplication::clipboard()->text();
        QVERIFY2(command.contains(QString::fromUtf8(body)), qPrintable(command));
        QVERIFY(!command.contains(QStringLiteral("request body not kept")));
    }

    void curlCommandPerEndpoint()
    {
        RequestRecord models;
        models.method = QStringLiteral("GET");
        models.path = QStringLiteral("/v1/models");
        const QString get = RequestsPage::curlCommand(models, QUrl(QStringLiteral("http://127.0.0.1:9000/")));
        QCOMPARE(get, QStringLiteral("curl 'http://127.0.0.1:9000/v1/models' \\\n"
                                     "  -H 'anthropic-version: 2023-06-01' \\\n"
                                     "  -H \"x-api-key: $ANTHROPIC_AUTH_TOKEN\"\n"));

        RequestRecord chat;
        chat.method = QStringLiteral("POST");
        chat.path = QStringLiteral("/v1/chat/completions");
        chat.clientModel = QStringLiteral("it's-a-model");
        const QString post = RequestsPage::curlCommand(chat, QUrl(QStringLiteral("http://[::1]:9000")));
        QVERIFY2(post.contains(QStringLiteral("curl 'http://[::1]:9000/v1/chat/completions'")), qPrintable(post));
        QVERIFY(!post.contains(QStringLiteral("anthropic-version")));
        QVERIFY(!post.contains(QStringLiteral("max_tokens")));
        // The quoted here-document leaves the body as it is, quotes included.
        QVERIFY(post.contains(QStringLiteral("\"model\":\"it's-a-model\"")));
    }

    void copyNeedsProxyAddress()
    {
        m_page->setProxyBaseUrl(QUrl());
        table()->selectRow(0);
        QVERIFY(!child<QPushButton>("copyCurlButton")->isEnabled());
    }

    void followsNewestOnlyAtBottom()
    {
        for (int i = 0; i < 60; ++i)
            runRequest(*m_log, QStringLiteral("claude-sonnet-4-5"), QStringLiteral("zai"), QStringLiteral("glm-4.6"));
        QScrollBar *bar = table()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());

        // Reading older rows: arrivals leave the view where it is.
        bar->setValue(0);
        runRequest(*m_log, QStringLiteral("claude-sonnet-4-5"), QStringLiteral("zai"), QStringLiteral("glm-4.6"));
        QTRY_COMPARE(visibleRows(), 64);
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), 0);

        // Back at the bottom, it follows again.
        bar->setValue(bar->maximum());
        const int before = bar->maximum();
        runRequest(*m_log, QStringLiteral("claude-sonnet-4-5"), QStringLiteral("zai"), QStringLiteral("glm-4.6"));
        QTRY_VERIFY(bar->maximum() > before);
        QCOMPARE(bar->value(), bar->maximum());
    }
};

QTEST_MAIN(TestRequestsPage)
#include "tst_requestspage.moc"
