#pragma once

#include <QUrl>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QStackedWidget;
class QTableView;
class QTimer;
class RequestLog;
class RequestLogFilter;
class RequestLogModel;
struct RequestRecord;

// The window's Requests tab: the live request table with a search field and outcome and
// provider filters above it, and below it what happened to the selected request, with a
// way to replay it from a shell.
class RequestsPage : public QWidget
{
    Q_OBJECT

public:
    explicit RequestsPage(const RequestLog *log, QWidget *parent = nullptr);

    // Where the proxy listens, for "Copy as curl"; the button is off while it is unknown.
    void setProxyBaseUrl(const QUrl &url);
    QUrl proxyBaseUrl() const { return m_proxyBaseUrl; }

    // A POSIX shell command that sends `record` again through the proxy at `proxyBaseUrl`.
    // The client's key is never in it: the header reads $ANTHROPIC_AUTH_TOKEN, as Claude
    // Code's own environment has it.
    static QString curlCommand(const RequestRecord &record, const QUrl &proxyBaseUrl);

private:
    QWidget *createFilterBar();
    QWidget *createDetailPane();
    void setUpTable();

    void applyFilters();
    void clearFilters();
    void refreshProviders();
    void updateCount();
    void updateDetail();
    void showRecord(const RequestRecord &record);
    void copyCurl();

    // The record behind the selected row, or null when nothing (still) is selected.
    const RequestRecord *selectedRecord() const;

    RequestLogModel *m_model;
    RequestLogFilter *m_filter;
    QUrl m_proxyBaseUrl;

    QLineEdit *m_search = nullptr;
    QComboBox *m_outcome = nullptr;
    QComboBox *m_provider = nullptr;
    QPushButton *m_clearFilters = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    // Set while the view shows the newest row, so arrivals keep it there; cleared as soon
    // as the user scrolls up to read older rows.
    bool m_followNewest = true;
    QTimer *m_providerRefresh = nullptr;

    QStackedWidget *m_detailStack = nullptr;
    QFormLayout *m_form = nullptr; // the column with the rows that come and go
    QLabel *m_detailTitle = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_request = nullptr;
    QLabel *m_route = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_latency = nullptr;
    QLabel *m_firstByte = nullptr;
    QLabel *m_tokens = nullptr;
    QLabel *m_attempts = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_copyCurl = nullptr;
    QTabWidget *m_bodies = nullptr;
    QPlainTextEdit *m_requestBody = nullptr;
    QPlainTextEdit *m_upstreamBody = nullptr;
    QPlainTextEdit *m_responseBody = nullptr;
};
