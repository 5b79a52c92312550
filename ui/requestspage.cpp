#include "requestspage.h"

#include "http/httpresponse.h"
#include "monitor/requestlog.h"
#include "monitor/requestrecord.h"
#include "requestlogfilter.h"
#include "requestlogmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QFontDatabase>
#include <QTabWidget>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// The client's own body when the log kept all of it; a clipped one would not replay.
QByteArray keptBody(const RequestRecord &record)
{
    return record.requestBodyClipped ? QByteArray() : record.requestBody;
}

// A body as shown: indented when it is whole JSON, else as it was kept (SSE, clipped).
QString readableBody(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isNull())
        return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    return QString::fromUtf8(body);
}

// A request that reaches the same route: same endpoint, model and streaming, one short
// user message.
QByteArray minimalBody(const RequestRecord &record)
{
    const QJsonArray messages{
        QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), QStringLiteral("Hello")}}};
    QJsonObject body{{QStringLiteral("model"), record.clientModel}, {QStringLiteral("messages"), messages}};
    if (!record.path.endsWith(QLatin1StringView("/chat/completions")) && !record.path.endsWith(QLatin1StringView("/count_tokens")))
        body.insert(QStringLiteral("max_tokens"), 256);
    if (record.stream)
        body.insert(QStringLiteral("stream"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString shellQuoted(QString text)
{
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
}

// The error red that reads well on the window's background, light or dark.
QColor errorColor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
}

QString dash()
{
    return QString(QChar(0x2014));
}

} // namespace

RequestsPage::RequestsPage(const RequestLog *log, QWidget *parent)
    : QWidget(parent)
    , m_model(new RequestLogModel(log, 1000, this))
    , m_filter(new RequestLogFilter(this))
    , m_providerRefresh(new QTimer(this))
{
    m_filter->setSourceModel(m_model);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("requestsSplitter"));
    splitter->setChildrenCollapsible(false);
    m_table = new QTableView(splitter);
    setUpTable();
    splitter->addWidget(m_table);
    splitter->addWidget(createDetailPane());
    // Two thirds for the table to start with; the splitter keeps the ratio as the window grows.
    splitter->setSizes({200, 100});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createFilterBar());
    layout->addWidget(splitter, 1);

    // Providers show up as requests learn their route, a few times a second under load:
    // the list is rebuilt once per burst rather than per row.
    m_providerRefresh->setSingleShot(true);
    m_providerRefresh->setInterval(200);
    connect(m_providerRefresh, &QTimer::timeout, this, &RequestsPage::refreshProviders);
    auto scheduleProviders = [this] {
        if (!m_providerRefresh->isActive())
            m_providerRefresh->start();
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, scheduleProviders);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, scheduleProviders);
    connect(m_model, &QAbstractItemModel::dataChanged, this, scheduleProviders);

    const QList<QAbstractItemModel *> models{m_model, m_filter};
    for (QAbstractItemModel *model : models) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &RequestsPage::updateCount);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &RequestsPage::updateCount);
        connect(model, &QAbstractItemModel::modelReset, this, &RequestsPage::updateCount);
        connect(model, &QAbstractItemModel::layoutChanged, this, &RequestsPage::updateCount);
    }

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RequestsPage::updateDetail);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        const QModelIndexList selected = m_table->selectionModel()->selectedRows();
        // Only the selected row's changes reach the pane, so that reading (or selecting
        // text in) its details is not disturbed by other requests.
        if (!selected.isEmpty() && selected.first().row() >= topLeft.row() && selected.first().row() <= bottomRight.row())
            updateDetail();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &RequestsPage::updateDetail);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RequestsPage::updateDetail);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &RequestsPage::updateDetail);

    refreshProviders();
    updateCount();
    updateDetail();
}

QWidget *RequestsPage::createFilterBar()
{
    auto *bar = new QWidget(this);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("requestsSearch"));
    m_search->setAccessibleName(tr("Filter requests"));
    m_search->setPlaceholderText(tr("Filter by model, provider, status or error"));
    m_search->setClearButtonEnabled(true);
    if (const QIcon icon = QIcon::fromTheme(QStringLiteral("edit-find")); !icon.isNull())
        m_search->addAction(icon, QLineEdit::LeadingPosition);
    connect(m_search, &QLineEdit::textChanged, this, &RequestsPage::applyFilters);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_outcome = new QComboBox(bar);
    m_outcome->setObjectName(QStringLiteral("requestsOutcome"));
    m_outcome->addItem(tr("All outcomes"), int(RequestLogFilter::Outcome::All));
    m_outcome->addItem(tr("Succeeded"), int(RequestLogFilter::Outcome::Succeeded));
    m_outcome->addItem(tr("Failed"), int(RequestLogFilter::Outcome::Failed));
    m_outcome->setToolTip(tr("Show all requests, only those that succeeded, or only those that failed"));
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &RequestsPage::applyFilters);

    m_provider = new QComboBox(bar);
    m_provider->setObjectName(QStringLiteral("requestsProvider"));
    m_provider->addItem(tr("All providers"), QString());
    m_provider->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_provider->setToolTip(tr("Show the requests sent to one provider"));
    connect(m_provider, &QComboBox::currentIndexChanged, this, &RequestsPage::applyFilters);

    m_clearFilters = new QPushButton(tr("Clear filters"), bar);
    m_clearFilters->setObjectName(QStringLiteral("clearFiltersButton"));
    m_clearFilters->setEnabled(false);
    connect(m_clearFilters, &QPushButton::clicked, this, &RequestsPage::clearFilters);

    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("requestsCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_outcome);
    layout->addWidget(m_provider);
    layout->addWidget(m_clearFilters);
    layout->addSpacing(layout->spacing());
    layout->addWidget(m_count);
    return bar;
}

void RequestsPage::setUpTable()
{
    m_table->setObjectName(QStringLiteral("requestsTable"));
    m_table->setAccessibleName(tr("Requests"));
    m_table->setModel(m_filter);
    // A live log reads in arrival order; sorting would make new rows land anywhere.
    m_table->setSortingEnabled(false);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);

    QHeaderView *rows = m_table->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_table->fontMetrics().height() + 8);

    // Fixed widths from sample contents: measuring a thousand live rows on every change
    // would cost more than the table itself.
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setStretchLastSection(false);
    const QFontMetrics cells = m_table->fontMetrics();
    const QFontMetrics headers = columns->fontMetrics();
    const int padding = 2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 18;
    auto fit = [&](int column, const QString &sample) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        m_table->setColumnWidth(column, qMax(cells.horizontalAdvance(sample), headers.horizontalAdvance(title)) + padding);
    };
    const QLocale locale;
    fit(RequestLogModel::Time, QStringLiteral("00:00:00"));
    fit(RequestLogModel::Stream, RequestLogModel::tr("stream"));
    fit(RequestLogModel::Status, RequestLogModel::tr("running"));
    fit(RequestLogModel::Latency, RequestLogModel::tr("%1 ms").arg(locale.toString(88888)));
    fit(RequestLogModel::FirstByte, RequestLogModel::tr("%1 ms").arg(locale.toString(88888)));
    fit(RequestLogModel::InputTokens, locale.toString(888888));
    fit(RequestLogModel::OutputTokens, locale.toString(88888));
    fit(RequestLogModel::CachedTokens, locale.toString(888888));
    fit(RequestLogModel::Attempts, QStringLiteral("8"));
    columns->setSectionResizeMode(RequestLogModel::Model, QHeaderView::Stretch);
    columns->setMinimumSectionSize(cells.horizontalAdvance(QStringLiteral("0000")));

    // Follows the newest row only while the user is at the bottom: rows arriving must not
    // yank the view away from an older request being read.
    QScrollBar *bar = m_table->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_followNewest = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_followNewest)
            bar->setValue(maximum);
    });
}

QWidget *RequestsPage::createDetailPane()
{
    m_detailStack = new QStackedWidget(this);
    m_detailStack->setObjectName(QStringLiteral("requestDetail"));

    auto *placeholder = new QLabel(tr("Select a request to see what happened to it."), m_detailStack);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_detailStack->addWidget(placeholder);

    auto *page = new QWidget(m_detailStack);
    m_detailTitle = new QLabel(page);
    m_detailTitle->setObjectName(QStringLiteral("detailTitle"));
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);

    m_copyCurl = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy as curl"), page);
    m_copyCurl->setObjectName(QStringLiteral("copyCurlButton"));
    connect(m_copyCurl, &QPushButton::clicked, this, &RequestsPage::copyCurl);

    auto *header = new QHBoxLayout;
    header->addWidget(m_detailTitle, 1);
    header->addWidget(m_copyCurl);

    // Two columns: what was asked and what came of it on the left, where the long texts
    // (notes, error) get the room; the numbers on the right.
    auto *fields = new QWidget;
    m_form = new QFormLayout;
    auto *numbers = new QFormLayout;
    for (QFormLayout *form : {m_form, numbers}) {
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    }
    auto addField = [fields](QFormLayout *form, const QString &label, const char *name, bool wrap = false) {
        auto *value = new QLabel(fields);
        value->setObjectName(QString::fromLatin1(name));
        // Plain text: errors and model names come from upstreams and must not be markup.
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(wrap);
        form->addRow(label, value);
        return value;
    };
    m_time = addField(m_form, tr("Time:"), "detailTime");
    m_request = addField(m_form, tr("Request:"), "detailRequest");
    m_route = addField(m_form, tr("Model:"), "detailRoute", true);
    m_status = addField(m_form, tr("Status:"), "detailStatus");
    m_notes = addField(m_form, tr("Notes:"), "detailNotes", true);
    m_error = addField(m_form, tr("Error:"), "detailError", true);
    m_latency = addField(numbers, tr("Latency:"), "detailLatency");
    m_firstByte = addField(numbers, tr("First byte:"), "detailFirstByte");
    m_tokens = addField(numbers, tr("Tokens:"), "detailTokens", true);
    m_attempts = addField(numbers, tr("Attempts:"), "detailAttempts");

    // A gap rather than the layout's spacing, which the forms would inherit for their rows.
    auto *columns = new QHBoxLayout;
    columns->addLayout(m_form, 3);
    columns->addSpacing(4 * fontMetrics().averageCharWidth());
    columns->addLayout(numbers, 2);
    // Rows stay together at the top however tall the pane is made.
    auto *fieldsLayout = new QVBoxLayout(fields);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addLayout(columns);
    fieldsLayout->addStretch(1);

    auto *scroll = new QScrollArea(page);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(fields);
    // The scroll area paints the page's background, not a base-coloured well.
    scroll->viewport()->setAutoFillBackground(false);
    fields->setAutoFillBackground(false);

    // What went in and out, beside the summary: the client's request, the one sent upstream
    // (after translation) and the answer.
    m_bodies = new QTabWidget(page);
    m_bodies->setObjectName(QStringLiteral("bodies"));
    // Focusable (it hands the focus to its tab bar), so assistive technology announces it.
    m_bodies->setAccessibleName(tr("Request and answer bodies"));
    m_bodies->setDocumentMode(true);
    for (QPlainTextEdit **view : {&m_requestBody, &m_upstreamBody, &m_responseBody}) {
        *view = new QPlainTextEdit(m_bodies);
        (*view)->setReadOnly(true);
        (*view)->setLineWrapMode(QPlainTextEdit::NoWrap);
        (*view)->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    m_requestBody->setObjectName(QStringLiteral("requestBody"));
    m_upstreamBody->setObjectName(QStringLiteral("upstreamBody"));
    m_responseBody->setObjectName(QStringLiteral("responseBody"));
    m_bodies->addTab(m_requestBody, tr("Request"));
    m_bodies->addTab(m_upstreamBody, tr("Sent upstream"));
    m_bodies->addTab(m_responseBody, tr("Response"));

    auto *split = new QSplitter(Qt::Horizontal, page);
    split->addWidget(scroll);
    split->addWidget(m_bodies);
    // The summary keeps the width its two columns need; the bodies take the rest.
    scroll->setMinimumWidth(92 * fontMetrics().averageCharWidth());
    split->setCollapsible(0, false);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(split, 1);
    m_detailStack->addWidget(page);
    return m_detailStack;
}

void RequestsPage::setProxyBaseUrl(const QUrl &url)
{
    m_proxyBaseUrl = url;
    updateDetail();
}

void RequestsPage::applyFilters()
{
    m_filter->setText(m_search->text());
    m_filter->setOutcome(RequestLogFilter::Outcome(m_outcome->currentData().toInt()));
    m_filter->setProvider(m_provider->currentData().toString());
    m_clearFilters->setEnabled(!m_search->text().trimmed().isEmpty() || m_outcome->currentIndex() > 0
                               || m_provider->currentIndex() > 0);
    updateCount();
}

void RequestsPage::clearFilters()
{
    const QSignalBlocker searchBlocker(m_search);
    const QSignalBlocker outcomeBlocker(m_outcome);
    const QSignalBlocker providerBlocker(m_provider);
    m_search->clear();
    m_outcome->setCurrentIndex(0);
    m_provider->setCurrentIndex(0);
    applyFilters();
}

void RequestsPage::refreshProviders()
{
    const QString selected = m_provider->currentData().toString();
    QStringList names = m_model->providers();
    // A provider whose rows have all gone stays listed while it is the filter, so that the
    // table does not silently widen to every provider.
    if (!selected.isEmpty() && !names.contains(selected))
        names << selected;
    QStringList listed;
    for (int i = 1; i < m_provider->count(); ++i)
        listed << m_provider->itemData(i).toString();
    if (listed == names)
        return;

    const QSignalBlocker blocker(m_provider);
    while (m_provider->count() > 1)
        m_provider->removeItem(1);
    for (const QString &name : std::as_const(names))
        m_provider->addItem(name, name);
    m_provider->setCurrentIndex(qMax(0, m_provider->findData(selected)));
}

void RequestsPage::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    const QLocale locale;
    // No plural forms needed, so the line reads right before any translation exists.
    m_count->setText(shown == total ? tr("Requests: %1").arg(locale.toString(total))
                                    : tr("Showing %1 of %2").arg(locale.toString(shown), locale.toString(total)));
}

const RequestRecord *RequestsPage::selectedRecord() const
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return nullptr;
    return m_model->record(m_filter->mapToSource(selected.first()).row());
}

void RequestsPage::updateDetail()
{
    const RequestRecord *record = selectedRecord();
    m_detailStack->setCurrentIndex(record ? 1 : 0);
    if (record)
        showRecord(*record);
}

void RequestsPage::showRecord(const RequestRecord &record)
{
    const QLocale locale;
    const bool failed = record.finished && (record.status >= 400 || !record.error.isEmpty());
    auto milliseconds = [&](qint64 value) { return value < 0 ? dash() : tr("%1 ms").arg(locale.toString(value)); };

    m_detailTitle->setText(tr("Request %1").arg(record.id));

    const QDateTime started = record.startedAt.toLocalTime();
    m_time->setText(locale.toString(started.date(), QLocale::ShortFormat) + QLatin1Char(' ')
                    + started.time().toString(QStringLiteral("HH:mm:ss.zzz")));

    QString request = record.method + QLatin1Char(' ') + record.path;
    if (record.stream)
        request = tr("%1 (streaming)").arg(request);
    m_request->setText(request);

    if (record.clientModel.isEmpty())
        m_route->setText(dash());
    else if (record.provider.isEmpty())
        m_route->setText(record.finished ? tr("%1 (no provider reached)").arg(record.clientModel) : record.clientModel);
    else
        m_route->setText(tr("%1 → %2 / %3").arg(record.clientModel, record.provider, record.upstreamModel));

    if (!record.finished) {
        m_status->setText(tr("running"));
    } else {
        const QByteArray reason = HttpResponse::reasonPhrase(record.status);
        // "Status" is the phrase for codes it does not name: a bare number reads better.
        m_status->setText(reason == "Status" ? QString::number(record.status)
                                             : QString::number(record.status) + QLatin1Char(' ') + QString::fromLatin1(reason));
    }
    // A default palette resolves nothing, so the labels follow the theme unless failed.
    QPalette statusPalette;
    if (failed)
        statusPalette.setColor(QPalette::WindowText, errorColor(palette()));
    m_status->setPalette(statusPalette);
    m_error->setPalette(statusPalette);

    m_latency->setText(milliseconds(record.durationMs));
    m_firstByte->setText(milliseconds(record.firstByteMs));

    if (!record.finished) {
        m_tokens->setText(dash());
    } else if (!record.usage.reported && record.usage == TokenUsage{}) {
        m_tokens->setText(tr("not reported"));
    } else {
        QString tokens = tr("%1 in · %2 out · %3 cached")
                             .arg(locale.toString(record.usage.input), locale.toString(record.usage.output),
                                  locale.toString(record.usage.cacheRead));
        // The proxy estimates input when an upstream reports nothing; say so.
        if (!record.usage.reported)
            tokens = tr("%1 (estimated)").arg(tokens);
        m_tokens->setText(tokens);
    }

    m_attempts->setText(record.attempts > 0 ? locale.toString(record.attempts) : dash());
    m_notes->setText(record.notes.join(QLatin1Char('\n')));
    m_form->setRowVisible(m_notes, !record.notes.isEmpty());
    m_error->setText(record.error);
    m_form->setRowVisible(m_error, !record.error.isEmpty());

    if (record.bodiesDropped) {
        const QString notKept = tr("Not kept: the log keeps the bodies of its newest %n requests only.", nullptr,
                                   int(RequestLog::recordsWithBodies));
        for (QPlainTextEdit *view : {m_requestBody, m_upstreamBody, m_responseBody})
            view->setPlainText(notKept);
    } else {
        m_requestBody->setPlainText(readableBody(record.requestBody));
        m_upstreamBody->setPlainText(readableBody(record.upstreamRequestBody));
        m_responseBody->setPlainText(readableBody(record.responseBody));
    }

    const bool canCopy = m_proxyBaseUrl.isValid() && !m_proxyBaseUrl.isEmpty();
    m_copyCurl->setEnabled(canCopy);
    m_copyCurl->setToolTip(canCopy ? tr("Copy a shell command that sends this request again through the proxy. "
                                        "It reads your token from $ANTHROPIC_AUTH_TOKEN.")
                                   : tr("The proxy is not running."));
}

void RequestsPage::copyCurl()
{
    const RequestRecord *record = selectedRecord();
    if (!record || !m_proxyBaseUrl.isValid())
        return;
    QApplication::clipboard()->setText(curlCommand(*record, m_proxyBaseUrl));
    m_copyCurl->setText(tr("Copied"));
    QTimer::singleShot(1500, m_copyCurl, [this] { m_copyCurl->setText(tr("Copy as curl")); });
}

QString RequestsPage::curlCommand(const RequestRecord &record, const QUrl &proxyBaseUrl)
{
    const QString path = record.path.isEmpty() ? QStringLiteral("/v1/messages") : record.path;
    // Whatever the base URL carries besides the address stays out of a copied command:
    // a password in it would be a secret.
    QUrl url = proxyBaseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    url.setPath(path, QUrl::TolerantMode);

    const QString method = record.method.isEmpty() ? QStringLiteral("POST") : record.method;
    const bool hasBody = method == QLatin1StringView("POST");
    QByteArray body = hasBody ? keptBody(record) : QByteArray();
    const bool bodyKept = !body.isEmpty();
    if (hasBody && !bodyKept)
        body = minimalBody(record);

    QStringList lines;
    if (hasBody && !bodyKept)
        lines << QStringLiteral("# ") + tr("request body not kept: this minimal one asks for the same model");
    QString curl = QStringLiteral("curl");
    // -N shows the events as they arrive instead of when curl's buffer fills.
    if (record.stream)
        curl += QStringLiteral(" -N");
    if (method != QLatin1StringView("GET") && method != QLatin1StringView("POST"))
        curl += QStringLiteral(" -X ") + method;
    curl += QLatin1Char(' ') + shellQuoted(url.toString(QUrl::FullyEncoded));

    QStringList options;
    if (hasBody)
        options << QStringLiteral("-H ") + shellQuoted(QStringLiteral("content-type: application/json"));
    if (!path.endsWith(QLatin1StringView("/chat/completions")))
        options << QStringLiteral("-H ") + shellQuoted(QStringLiteral("anthropic-version: 2023-06-01"));
    // Double quotes so that the shell fills in the token: the command itself never holds it.
    options << QStringLiteral("-H \"x-api-key: $ANTHROPIC_AUTH_TOKEN\"");
    if (hasBody)
        options << QStringLiteral("-d @- <<'JSON'");
    lines << (QStringList{curl} + options).join(QStringLiteral(" \\\n  "));

    // Compact JSON has no raw line breaks, so no line of it can end the here-document early.
    if (hasBody)
        lines << QString::fromUtf8(body) << QStringLiteral("JSON");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
