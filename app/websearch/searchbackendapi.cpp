#include "searchbackendapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {
QString textOf(const QJsonObject &object, const char *name)
{
    return object.value(QLatin1StringView(name)).toString();
}

// Brave marks the query's words in its descriptions with <strong>; the model wants text.
QString plainText(QString html)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    html.remove(tag);
    html.replace(QLatin1StringView("&lt;"), QLatin1StringView("<"));
    html.replace(QLatin1StringView("&gt;"), QLatin1StringView(">"));
    html.replace(QLatin1StringView("&quot;"), QLatin1StringView("\""));
    html.replace(QLatin1StringView("&#39;"), QLatin1StringView("'"));
    html.replace(QLatin1StringView("&amp;"), QLatin1StringView("&"));
    return html;
}

// Where each backend keeps its results and what it calls their fields.
struct ResultShape
{
    QJsonArray (*list)(const QJsonObject &answer);
    const char *snippet;
    const char *date;
};

ResultShape shapeOf(SearchBackendKind kind)
{
    switch (kind) {
    case SearchBackendKind::Brave:
        return {[](const QJsonObject &answer) {
                    return answer.value(QLatin1StringView("web")).toObject().value(QLatin1StringView("results")).toArray();
                },
                "description", "page_age"};
    case SearchBackendKind::Tavily:
        return {[](const QJsonObject &answer) { return answer.value(QLatin1StringView("results")).toArray(); },
                "content", "published_date"};
    case SearchBackendKind::SearXng:
    case SearchBackendKind::None:
        break;
    }
    return {[](const QJsonObject &answer) { return answer.value(QLatin1StringView("results")).toArray(); }, "content",
            "publishedDate"};
}

QString backendTitle(SearchBackendKind kind)
{
    switch (kind) {
    case SearchBackendKind::Brave:
        return QStringLiteral("Brave Search");
    case SearchBackendKind::Tavily:
        return QStringLiteral("Tavily");
    case SearchBackendKind::SearXng:
    case SearchBackendKind::None:
        break;
    }
    return QStringLiteral("SearXNG");
}
}

QString SearchBackendName::of(SearchBackendKind kind)
{
    switch (kind) {
    case SearchBackendKind::SearXng:
        return QStringLiteral("searxng");
    case SearchBackendKind::Brave:
        return QStringLiteral("brave");
    case SearchBackendKind::Tavily:
        return QStringLiteral("tavily");
    case SearchBackendKind::None:
        break;
    }
    return {};
}

std::optional<SearchBackendKind> SearchBackendName::parse(const QString &name)
{
    for (const SearchBackendKind kind : {SearchBackendKind::None, SearchBackendKind::SearXng, SearchBackendKind::Brave,
                                         SearchBackendKind::Tavily}) {
        if (name.compare(of(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QStringList SearchBackendName::names()
{
    return {of(SearchBackendKind::SearXng), of(SearchBackendKind::Brave), of(SearchBackendKind::Tavily)};
}

QUrl SearchBackendName::defaultUrl(SearchBackendKind kind)
{
    switch (kind) {
    case SearchBackendKind::Brave:
        return QUrl(QStringLiteral("https://api.search.brave.com/res/v1/web/search"));
    case SearchBackendKind::Tavily:
        return QUrl(QStringLiteral("https://api.tavily.com/search"));
    case SearchBackendKind::SearXng:
    case SearchBackendKind::None:
        break;
    }
    return {};
}

SearchBackendApi::Request SearchBackendApi::requestFor(const SearchBackendConfig &config, const QString &query)
{
    Request request;
    request.method = "GET";
    request.url = config.url.isEmpty() ? SearchBackendName::defaultUrl(config.kind) : config.url;
    request.headers << HttpHeader("accept", "application/json");
    QUrlQuery parameters;
    parameters.addQueryItem(QStringLiteral("q"), query);
    switch (config.kind) {
    case SearchBackendKind::SearXng: {
        // The instance's base URL is what users know; its API is /search under it.
        QString path = request.url.path();
        if (!path.endsWith(QLatin1StringView("/search"))) {
            if (!path.endsWith(QLatin1Char('/')))
                path += QLatin1Char('/');
            request.url.setPath(path + QLatin1StringView("search"));
        }
        parameters.addQueryItem(QStringLiteral("format"), QStringLiteral("json"));
        break;
    }
    case SearchBackendKind::Brave:
        parameters.addQueryItem(QStringLiteral("count"), QString::number(qBound(1, config.maxResults, 20)));
        request.headers << HttpHeader("x-subscription-token", config.apiKey.toUtf8());
        break;
    case SearchBackendKind::Tavily:
        request.method = "POST";
        request.headers << HttpHeader("authorization", "Bearer " + config.apiKey.toUtf8());
        request.body = QJsonDocument(QJsonObject{{QStringLiteral("query"), query},
                                                 {QStringLiteral("max_results"), qBound(1, config.maxResults, 20)},
                                                 {QStringLiteral("search_depth"), QStringLiteral("basic")}})
                           .toJson(QJsonDocument::Compact);
        return request;
    case SearchBackendKind::None:
        break;
    }
    request.url.setQuery(parameters);
    return request;
}

SearchOutcome SearchBackendApi::parse(SearchBackendKind kind, const QByteArray &body, int maxResults)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return SearchOutcome::failure(QStringLiteral("unavailable"),
                                      tr("%1 answered with something that is not its JSON.").arg(backendTitle(kind)));
    const ResultShape shape = shapeOf(kind);
    SearchOutcome outcome;
    for (const QJsonValue &value : shape.list(document.object())) {
        const QJsonObject item = value.toObject();
        const QString url = textOf(item, "url");
        if (url.isEmpty())
            continue;
        outcome.results << SearchResult{plainText(textOf(item, "title")), url, plainText(textOf(item, shape.snippet)),
                                        textOf(item, shape.date)};
        if (outcome.results.size() >= maxResults)
            break;
    }
    return outcome;
}

SearchOutcome SearchBackendApi::failureOf(SearchBackendKind kind, int status, const QByteArray &body)
{
    const QString backend = backendTitle(kind);
    if (kind == SearchBackendKind::SearXng && status == 403)
        return SearchOutcome::failure(QStringLiteral("unavailable"),
                                      tr("SearXNG refused the JSON format (403): add json to search.formats in "
                                         "its settings.yml."));
    if (status == 401 || status == 403)
        return SearchOutcome::failure(QStringLiteral("unavailable"),
                                      tr("%1 rejected the API key (%2).").arg(backend).arg(status));
    if (status == 429)
        return SearchOutcome::failure(QStringLiteral("too_many_requests"),
                                      tr("%1 is rate limiting the searches (429).").arg(backend));
    const QString said = QString::fromUtf8(body.left(200)).simplified();
    return SearchOutcome::failure(QStringLiteral("unavailable"),
                                  said.isEmpty() ? tr("%1 answered %2.").arg(backend).arg(status)
                                                 : tr("%1 answered %2: %3").arg(backend).arg(status).arg(said));
}
