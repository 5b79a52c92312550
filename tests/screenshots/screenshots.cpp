// Takes the README's screenshots: the real window and tray menu, with the proxy running in
// front of a scripted provider and real requests sent through it. Run by
// scripts/screenshots.sh under Xvfb with a private keyring; writes PNGs into the given folder.
// The usage history before today is seeded (a fresh install has only today's requests).
#include "config/inmemorysecretstore.h"
#include "config/settings.h"
#include "mainwindow.h"
#include "monitor/usagestats.h"
#include "proxy/proxycontroller.h"
#include "scriptedupstream.h"
#include "traycontroller.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {
void seedUsageHistory(const QString &path)
{
    QJsonArray rows;
    const QDate today = QDate::currentDate();
    const int daily[] = {410'000, 655'000, 390'000, 820'000, 560'000, 730'000};
    for (int day = 1; day <= 6; ++day) {
        rows.append(QJsonObject{{QStringLiteral("day"), today.addDays(-day).toString(Qt::ISODate)},
                                {QStringLiteral("provider"), QStringLiteral("deepseek")},
                                {QStringLiteral("model"), QStringLiteral("deepseek-chat")},
                                {QStringLiteral("requests"), 40 + day * 7},
                                {QStringLiteral("inputTokens"), daily[day - 1] / 4},
                                {QStringLiteral("outputTokens"), daily[day - 1] / 20},
                                {QStringLiteral("cacheReadTokens"), daily[day - 1]},
                                {QStringLiteral("errors"), day % 3 == 0 ? 1 : 0}});
    }
    QSaveFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("rows"), rows}}).toJson());
    file.commit();
}

QByteArray chatStream(const QString &text, int prompt, int cached, int completion)
{
    QByteArray frames;
    for (const QString &word : text.split(QLatin1Char(' ')))
        frames += "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word.toUtf8() + " \"}}]}\n\n";
    frames += "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
              + QByteArray::number(prompt) + ",\"completion_tokens\":" + QByteArray::number(completion)
              + ",\"prompt_cache_hit_tokens\":" + QByteArray::number(cached) + "}}\n\ndata: [DONE]\n\n";
    return frames;
}

void send(QNetworkAccessManager &client, const QUrl &base, const QString &model, bool stream)
{
    QNetworkRequest request(base.resolved(QUrl(QStringLiteral("/v1/messages?beta=true"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("authorization", "Bearer ccbridge");
    const QJsonObject body{{QStringLiteral("model"), model},
                           {QStringLiteral("max_tokens"), 32000},
                           {QStringLiteral("stream"), stream},
                           {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                               {QStringLiteral("content"), QStringLiteral("Refactor the parser")}}}}};
    QNetworkReply *reply = client.post(request, QJsonDocument(body).toJson());
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        qFatal("the proxy did not answer");
    reply->deleteLater();
}

void save(QWidget *widget, const QString &path)
{
    QTest::qWait(150); // the throttled table refresh and the chart's repaint
    widget->grab().save(path);
}
}

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CC Bridge"));
    if (argc < 2) {
        qWarning("usage: ccbridge_screenshots <output folder>");
        return 2;
    }
    const QDir output(QString::fromLocal8Bit(argv[1]));
    QTemporaryDir home;

    ScriptedUpstream upstream;
    Settings settings(home.filePath(QStringLiteral("config.json")));
    settings.setPort(18765);
    settings.setProviders(QJsonArray{
        QJsonObject{{QStringLiteral("preset"), QStringLiteral("deepseek")},
                    {QStringLiteral("baseUrl"), upstream.baseUrl().toString()},
                    {QStringLiteral("keyInKeychain"), true},
                    {QStringLiteral("validateModels"), false}},
        QJsonObject{{QStringLiteral("preset"), QStringLiteral("openrouter")},
                    {QStringLiteral("baseUrl"), upstream.baseUrl().toString()},
                    {QStringLiteral("keyInKeychain"), true},
                    {QStringLiteral("validateModels"), false}}});
    settings.setRoutes(QJsonArray{
        QJsonObject{{QStringLiteral("match"), QStringLiteral("*haiku*")}, {QStringLiteral("provider"), QStringLiteral("deepseek")},
                    {QStringLiteral("model"), QStringLiteral("deepseek-chat")}},
        QJsonObject{{QStringLiteral("match"), QStringLiteral("*")}, {QStringLiteral("provider"), QStringLiteral("deepseek")},
                    {QStringLiteral("model"), QStringLiteral("deepseek-reasoner")},
                    {QStringLiteral("fallbacks"), QJsonArray{QJsonObject{{QStringLiteral("provider"), QStringLiteral("openrouter")},
                                                                         {QStringLiteral("model"), QStringLiteral("qwen/qwen3-coder")}}}}}});
    InMemorySecretStore secrets;
    for (const QString &name : {QStringLiteral("deepseek"), QStringLiteral("openrouter")})
        secrets.insert(name, QStringLiteral("sk-demo-not-a-real-key-000000"));

    seedUsageHistory(home.filePath(QStringLiteral("usage.json")));
    UsageStats usage(home.filePath(QStringLiteral("usage.json")));
    ProxyController proxy(&settings, &secrets);
    usage.follow(proxy.requestLog());
    QNetworkAccessManager network;
    MainWindow window(&proxy, &settings, &secrets, &usage, &network);
    TrayController tray(&proxy, &settings, &usage, &window);
    window.resize(1100, 700);
    window.show();
    proxy.start();
    if (!QTest::qWaitFor([&proxy] { return proxy.state() == ProxyController::State::Running; }, 10000))
        qFatal("the proxy did not start: %s", qPrintable(proxy.errorText()));

    QNetworkAccessManager client;
    const QList<QPair<QString, bool>> requests{{QStringLiteral("claude-haiku-4-5"), false}, {QStringLiteral("claude-opus-5-5"), true},
                                               {QStringLiteral("claude-opus-5-5"), true}, {QStringLiteral("claude-haiku-4-5"), false},
                                               {QStringLiteral("claude-opus-5-5"), true}, {QStringLiteral("claude-opus-5-5"), true}};
    int turn = 0;
    for (const auto &[model, stream] : requests) {
        ++turn;
        // The third request meets a rate limit on every attempt and is answered by the fallback.
        for (int attempt = 0; turn == 3 && attempt < 3; ++attempt)
            upstream.enqueue(ScriptedReply::json(429, R"({"error":{"message":"Rate limit reached"}})", {{"retry-after", "0.2"}}));
        ScriptedReply reply = stream ? ScriptedReply{} : ScriptedReply::json(200, {});
        if (stream) {
            reply.headers = {{"content-type", "text/event-stream"}};
            reply.chunks = {chatStream(QStringLiteral("Done: the parser now streams its input."), 14200 + turn * 410, 12800, 380 + turn * 20)};
        } else {
            reply.body = R"({"choices":[{"index":0,"message":{"content":"Parser refactor"},"finish_reason":"stop"}],"usage":{"prompt_tokens":310,"completion_tokens":6}})";
        }
        upstream.enqueue(reply);
        send(client, proxy.baseUrl(), model, stream);
    }

    const QStringList names{QStringLiteral("requests"), QStringLiteral("usage"), QStringLiteral("providers"),
                            QStringLiteral("claude-code"), QStringLiteral("settings")};
    // The request that was retried and fell back, with its detail open.
    if (auto *table = window.findChild<QTableView *>(QStringLiteral("requestsTable")))
        table->selectRow(2);
    for (int i = 0; i < names.size(); ++i) {
        window.tabs()->setCurrentIndex(i);
        save(&window, output.filePath(QStringLiteral("%1.png").arg(names.at(i))));
    }
    tray.menu()->adjustSize();
    save(tray.menu(), output.filePath(QStringLiteral("tray-menu.png")));
    usage.flush();
    return 0;
}
