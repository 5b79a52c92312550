// Takes the README's screenshots: the real window and tray menu, with the proxy running in
// front of a scripted provider and real requests sent through it, and the guided start of a
// window with an empty configuration. Run by scripts/screenshots.sh under Xvfb with a private
// keyring; writes PNGs into the given folder. The usage history before today is seeded (a
// fresh install has only today's requests).
#include "config/inmemorysecretstore.h"
#include "config/routejson.h"
#include "config/settings.h"
#include "mainwindow.h"
#include "monitor/usagestats.h"
#include "proxy/proxycontroller.h"
#include "proxy/upstreamconnectionpool.h"
#include "scriptedupstream.h"
#include "traycontroller.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
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

void send(QNetworkAccessManager &client, const ProxyController &proxy, const QString &model, bool stream)
{
    QNetworkRequest request(proxy.baseUrl().resolved(QUrl(QStringLiteral("/v1/messages?beta=true"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("authorization", "Bearer " + proxy.clientToken().toUtf8());
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

// A first start: a window on an empty configuration opens on the guided start. Driven like a
// user would: DeepSeek chosen in the list, then Next to its key step.
void saveGuidedStart(SecretStore *secrets, const QString &path)
{
    QTemporaryDir home;
    Settings settings(home.filePath(QStringLiteral("config.json")));
    ProxyController proxy(&settings, secrets);
    UsageStats usage(home.filePath(QStringLiteral("usage.json")));
    UpstreamConnectionPool upstreams;
    MainWindow window(&proxy, &settings, secrets, &usage, &upstreams);
    // Smaller than the other shots: the key step is a short form in a column.
    window.resize(900, 520);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("the window was not shown");

    auto *presets = window.findChild<QListWidget *>(QStringLiteral("guidePresets"));
    auto *next = window.findChild<QPushButton *>(QStringLiteral("guideNext"));
    if (!presets || !presets->isVisible() || !next)
        qFatal("the window did not open on the guided start");
    const QList<QListWidgetItem *> items = presets->findItems(QStringLiteral("DeepSeek"), Qt::MatchStartsWith);
    if (items.isEmpty())
        qFatal("no DeepSeek in the guide's list");
    QTest::mouseClick(presets->viewport(), Qt::LeftButton, {}, presets->visualItemRect(items.first()).center());
    QTest::mouseClick(next, Qt::LeftButton);
    save(&window, path);
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
    // The DeepSeek preset's routes, as the guided start or the Providers page write them, with
    // OpenRouter as the opus route's fallback; and a profile that sends everything to OpenRouter.
    QJsonArray routes = RouteJson::presetRoutes(QStringLiteral("deepseek"), QStringLiteral("deepseek"));
    for (qsizetype i = 0; i < routes.size(); ++i) {
        QJsonObject route = routes.at(i).toObject();
        if (route.value(QLatin1StringView("match")).toString() == QLatin1StringView("*opus*")) {
            route.insert(QStringLiteral("fallbacks"), QJsonArray{QJsonObject{{QStringLiteral("provider"), QStringLiteral("openrouter")},
                                                                              {QStringLiteral("model"), QStringLiteral("qwen/qwen3-coder")}}});
            routes.replace(i, route);
        }
    }
    settings.setRoutes(routes);
    settings.setProfiles(QJsonArray{QJsonObject{
        {QStringLiteral("name"), QStringLiteral("qwen")},
        {QStringLiteral("routes"), QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("*")},
                                                          {QStringLiteral("provider"), QStringLiteral("openrouter")},
                                                          {QStringLiteral("model"), QStringLiteral("qwen/qwen3-coder")}}}}}});
    InMemorySecretStore secrets;
    for (const QString &name : {QStringLiteral("deepseek"), QStringLiteral("openrouter")})
        secrets.insert(name, QStringLiteral("sk-demo-not-a-real-key-000000"));
    // A fixed token rather than a new random one in every run's Claude Code and Settings shots.
    secrets.insert(ProxyController::clientTokenName, QStringLiteral("demo-client-token-not-a-real-one"));

    saveGuidedStart(&secrets, output.filePath(QStringLiteral("guided-start.png")));

    seedUsageHistory(home.filePath(QStringLiteral("usage.json")));
    UsageStats usage(home.filePath(QStringLiteral("usage.json")));
    ProxyController proxy(&settings, &secrets);
    usage.follow(proxy.requestLog());
    UpstreamConnectionPool upstreams;
    MainWindow window(&proxy, &settings, &secrets, &usage, &upstreams);
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
        send(client, proxy, model, stream);
    }

    // In the order of the window's tabs.
    const QStringList names{QStringLiteral("requests"), QStringLiteral("usage"), QStringLiteral("providers"),
                            QStringLiteral("routes"), QStringLiteral("claude-code"), QStringLiteral("settings")};
    if (window.tabs()->count() != names.size())
        qFatal("the window has %d tabs, the screenshots name %d", int(window.tabs()->count()), int(names.size()));
    // The request that was retried and fell back, with its detail open.
    if (auto *table = window.findChild<QTableView *>(QStringLiteral("requestsTable")))
        table->selectRow(2);
    // The opus route, which has a fallback, open in the route editor.
    if (auto *routeList = window.findChild<QListWidget *>(QStringLiteral("routeList"))) {
        const QList<QListWidgetItem *> opus = routeList->findItems(QStringLiteral("Opus"), Qt::MatchContains);
        if (!opus.isEmpty())
            routeList->setCurrentItem(opus.first());
    }
    for (int i = 0; i < names.size(); ++i) {
        window.tabs()->setCurrentIndex(i);
        save(&window, output.filePath(QStringLiteral("%1.png").arg(names.at(i))));
    }
    tray.menu()->adjustSize();
    save(tray.menu(), output.filePath(QStringLiteral("tray-menu.png")));
    usage.flush();
    return 0;
}
