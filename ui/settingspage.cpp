#include "settingspage.h"

#include "websearchbox.h"

#include "config/autostart.h"
#include "config/clienttoken.h"
#include "config/configtransfer.h"
#include "numberfield.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace {

const QString loopbackAddress = QStringLiteral("127.0.0.1");
const QString anyAddress = QStringLiteral("0.0.0.0");

// Notes under a field are sentences: they wrap rather than widen the page.
QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

// A warning with the style's warning icon in front, shown and hidden as one.
QWidget *warningNote(const QString &text, QWidget *parent)
{
    auto *note = new QWidget(parent);
    auto *icon = new QLabel(note);
    const int size = note->style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(note->style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    auto *layout = new QHBoxLayout(note);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(noteLabel(text, note), 1);
    return note;
}

} // namespace

SettingsPage::SettingsPage(Settings *settings, SecretStore *secrets, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_autostartDir(Autostart::defaultDir())
    , m_autostartExecutable(Autostart::currentExecutable())
    , m_listenChoice(new QComboBox(this))
    , m_customAddress(new QLineEdit(this))
    , m_addressError(noteLabel(tr("Enter an IPv4 or IPv6 address, such as 192.168.1.20."), this))
    , m_exposedNote(warningNote(tr("A client token is required when listening beyond this machine."), this))
    , m_port(nullptr)
    , m_tokenField(new QLineEdit(this))
    , m_showToken(new QPushButton(tr("Show"), this))
    , m_copyToken(new QPushButton(tr("Copy"), this))
    , m_regenerateToken(new QPushButton(tr("Regenerate"), this))
    , m_tokenNote(noteLabel(QString(), this))
    , m_language(new QComboBox(this))
    , m_startAtLogin(new QCheckBox(tr("Start CC Bridge when I log in"), this))
    , m_autostartError(noteLabel(QString(), this))
    , m_startProxyAtLaunch(new QCheckBox(tr("Start the proxy when CC Bridge starts"), this))
{
    Q_ASSERT(m_settings);

    // --- Proxy
    m_listenChoice->setObjectName(QStringLiteral("listenChoice"));
    m_listenChoice->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_listenChoice->addItem(tr("This computer only (127.0.0.1)"), loopbackAddress);
    m_listenChoice->addItem(tr("All network interfaces (0.0.0.0)"), anyAddress);
    m_listenChoice->addItem(tr("Custom address"), QString());
    m_customAddress->setObjectName(QStringLiteral("customAddress"));
    m_customAddress->setPlaceholderText(tr("IP address of this computer"));
    m_addressError->setObjectName(QStringLiteral("addressError"));
    m_exposedNote->setObjectName(QStringLiteral("exposedNote"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    // Written when the user is done (Enter, focus leaves, arrows), not per digit typed:
    // typing 8080 would otherwise move the proxy to ports 8, 80 and 808 on the way.
    m_port->setKeyboardTracking(false);
    connect(m_port, &QSpinBox::valueChanged, this, [this](int port) {
        if (m_settings)
            m_settings->setPort(port);
    });

    auto *proxyBox = new QGroupBox(tr("Proxy"), this);
    auto *proxyForm = new QFormLayout(proxyBox);
    proxyForm->addRow(tr("Listen on:"), m_listenChoice);
    proxyForm->addRow(QString(), m_customAddress);
    proxyForm->addRow(QString(), m_addressError);
    proxyForm->addRow(tr("Port:"), m_port);
    proxyForm->addRow(QString(), m_exposedNote);
    proxyForm->addRow(QString(), m_startProxyAtLaunch);
    connect(m_listenChoice, &QComboBox::currentIndexChanged, this, &SettingsPage::listenChoiceChanged);
    // On editingFinished, not every keystroke: "192.168.1" is already a valid address, and
    // each write would move the proxy.
    connect(m_customAddress, &QLineEdit::editingFinished, this, &SettingsPage::customAddressEdited);
    m_startProxyAtLaunch->setObjectName(QStringLiteral("startProxyAtLaunch"));
    connect(m_startProxyAtLaunch, &QCheckBox::toggled, this, [this](bool on) {
        if (m_settings)
            m_settings->setStartProxyAtLaunch(on);
    });

    // --- Client token
    m_tokenField->setObjectName(QStringLiteral("clientToken"));
    m_tokenField->setReadOnly(true);
    m_tokenField->setEchoMode(QLineEdit::Password);
    m_tokenField->setPlaceholderText(tr("No token"));
    m_showToken->setObjectName(QStringLiteral("showToken"));
    m_showToken->setCheckable(true);
    m_copyToken->setObjectName(QStringLiteral("copyToken"));
    m_regenerateToken->setObjectName(QStringLiteral("regenerateToken"));
    m_regenerateToken->setEnabled(false);
    m_tokenNote->setObjectName(QStringLiteral("tokenNote"));
    m_tokenNote->hide();
    connect(m_showToken, &QPushButton::toggled, this, [this](bool show) {
        m_tokenField->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_showToken->setText(show ? tr("Hide") : tr("Show"));
    });
    connect(m_copyToken, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_token); });
    connect(m_regenerateToken, &QPushButton::clicked, this, &SettingsPage::regenerateToken);

    auto *tokenBox = new QGroupBox(tr("Client Token"), this);
    auto *tokenLayout = new QVBoxLayout(tokenBox);
    tokenLayout->addWidget(noteLabel(tr("Clients send this token to use the proxy. Claude Code gets it from the "
                                        "snippets on the Claude Code page."),
                                     tokenBox));
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenField, 1);
    tokenRow->addWidget(m_showToken);
    tokenRow->addWidget(m_copyToken);
    tokenRow->addWidget(m_regenerateToken);
    tokenLayout->addLayout(tokenRow);
    tokenLayout->addWidget(m_tokenNote);

    // --- Numbers: bounds, units and tooltips come from the configuration's field table.
    using Key = Settings::Key;
    QWidget *timeoutsBox = addNumberGroup(tr("Timeouts"), {{Key::ConnectTimeoutMs, tr("Connect:")},
                                                           {Key::ReadTimeoutMs, tr("Read:")},
                                                           {Key::RequestTimeoutMs, tr("Whole request:")},
                                                           {Key::PingIntervalMs, tr("Keep-alive ping every:")},
                                                           {Key::ShutdownGraceMs, tr("Requests finish at quit within:")}});
    QWidget *retryBox = addNumberGroup(tr("Retries"), {{Key::RetryMaxAttempts, tr("Attempts per provider:")},
                                                       {Key::RetryBaseDelayMs, tr("First backoff up to:")},
                                                       {Key::RetryMaxDelayMs, tr("Longest wait before a retry:")},
                                                       {Key::RetryMaxTotalWaitMs, tr("Client waits at most:")}});
    QWidget *limitsBox = addNumberGroup(tr("Requests from clients"),
                                        {{Key::MaxHeaderBytes, tr("Largest headers:")},
                                         {Key::MaxBodyBytes, tr("Largest body:")},
                                         {Key::HeaderTimeoutMs, tr("Time to send headers:")},
                                         {Key::IdleTimeoutMs, tr("Idle connections close after:")},
                                         {Key::LongContextTokens, tr("Long context above:")}});
    QWidget *historyBox = addNumberGroup(tr("History"), {{Key::LogRetention, tr("Requests kept in the log:")},
                                                         {Key::UsageRetentionDays, tr("Usage statistics kept for:")}});

    // --- Application
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_language->addItem(tr("System default"), QString());
    // Each language in its own name: whoever needs it may not read the current one.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("\u7b80\u4f53\u4e2d\u6587"), QStringLiteral("zh_CN"));
    connect(m_language, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_settings)
            m_settings->setLanguage(m_language->itemData(index).toString());
    });
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_autostartError->setObjectName(QStringLiteral("autostartError"));
    m_autostartError->hide();
    connect(m_startAtLogin, &QCheckBox::toggled, this, &SettingsPage::startAtLoginToggled);

    auto *appBox = new QGroupBox(tr("Application"), this);
    auto *appForm = new QFormLayout(appBox);
    appForm->addRow(tr("Language:"), m_language);
    appForm->addRow(QString(), noteLabel(tr("A new language is used the next time CC Bridge starts."), appBox));
    appForm->addRow(QString(), m_startAtLogin);
    appForm->addRow(QString(), m_autostartError);

    // One width for every number, so that the columns of fields line up from group to group.
    int numberWidth = 0;
    for (const NumberField *field : std::as_const(m_numbers))
        numberWidth = std::max(numberWidth, field->sizeHint().width());
    for (NumberField *field : std::as_const(m_numbers))
        field->setMinimumWidth(numberWidth);

    // Scrolls as a whole when the window is smaller than the page.
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(proxyBox);
    contentLayout->addWidget(tokenBox);
    auto *webSearch = new WebSearchBox(m_settings, secrets, addNumberField(Key::WebSearchMaxResults, this), this);
    connect(webSearch, &WebSearchBox::keySaved, this, &SettingsPage::webSearchKeySaved);
    contentLayout->addWidget(webSearch);
    contentLayout->addWidget(timeoutsBox);
    contentLayout->addWidget(retryBox);
    contentLayout->addWidget(limitsBox);
    contentLayout->addWidget(historyBox);
    contentLayout->addWidget(appBox);
    contentLayout->addWidget(buildTransferBox());
    contentLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Settings"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_settings, &Settings::changed, this, [this](const QString &key) { load(key); });
    load();
    {
        const QSignalBlocker blocker(m_startAtLogin);
        m_startAtLogin->setChecked(Autostart::isEnabled(m_autostartDir));
    }
    setClientToken(QString());
}

QWidget *SettingsPage::addNumberGroup(const QString &title, const QList<QPair<Settings::Key, QString>> &fields)
{
    auto *box = new QGroupBox(title, this);
    auto *form = new QFormLayout(box);
    for (const auto &[key, label] : fields) {
        NumberField *field = addNumberField(key, box);
        // addRow with a text makes the label the field's buddy: its accessible name.
        form->addRow(label, field);
        form->addRow(QString(), field->problemLabel());
    }
    return box;
}

NumberField *SettingsPage::addNumberField(Settings::Key key, QWidget *parent)
{
    auto *field = new NumberField(key, parent);
    connect(field, &NumberField::accepted, this, [this, field](qint64 value) {
        if (!m_settings)
            return;
        if (const std::optional<QString> problem = m_settings->set(field->key(), double(value)))
            field->showProblem(*problem);
    });
    m_numbers.append(field);
    return field;
}

void SettingsPage::load(const QString &key)
{
    if (!m_settings)
        return;
    const auto wanted = [&key](Settings::Key candidate) {
        return key.isEmpty() || key == Settings::keyName(candidate);
    };

    for (NumberField *field : std::as_const(m_numbers)) {
        if (wanted(field->key()))
            field->showStoredValue(m_settings->value(field->key()).toLongLong());
    }
    if (wanted(Settings::Key::Listen))
        loadListenAddress();
    if (wanted(Settings::Key::Language))
        loadLanguage();
    if (wanted(Settings::Key::StartProxyAtLaunch)) {
        const QSignalBlocker blocker(m_startProxyAtLaunch);
        m_startProxyAtLaunch->setChecked(m_settings->startProxyAtLaunch());
    }
}

void SettingsPage::loadListenAddress()
{
    const QString address = m_settings->listenAddress();
    const int index = m_listenChoice->findData(address);
    const QSignalBlocker blocker(m_listenChoice);
    const QSignalBlocker portBlocker(m_port);
    m_port->setValue(m_settings->port());
    m_listenChoice->setCurrentIndex(index >= 0 ? index : m_listenChoice->count() - 1);
    const bool custom = index < 0;
    m_customAddress->setVisible(custom);
    if (custom)
        m_customAddress->setText(address);
    m_addressError->hide();

    const bool exposed = !QHostAddress(address).isLoopback();
    m_exposedNote->setVisible(exposed);
}

void SettingsPage::loadLanguage()
{
    const QString language = m_settings->language();
    int index = m_language->findData(language);
    if (index < 0) {
        // A language set elsewhere (the file, a newer version): shown, not lost.
        const QLocale locale(language);
        m_language->addItem(QStringLiteral("%1 (%2)").arg(locale.nativeLanguageName(), language), language);
        index = m_language->count() - 1;
    }
    const QSignalBlocker blocker(m_language);
    m_language->setCurrentIndex(index);
}

void SettingsPage::listenChoiceChanged()
{
    if (!m_settings)
        return;
    const QString address = m_listenChoice->currentData().toString();
    if (address.isEmpty()) {
        // Custom: nothing is stored until an address is entered.
        m_customAddress->show();
        m_customAddress->setFocus();
        return;
    }
    m_customAddress->hide();
    m_addressError->hide();
    m_settings->setListenAddress(address);
}

void SettingsPage::customAddressEdited()
{
    const QString text = m_customAddress->text().trimmed();
    if (text.isEmpty())
        return;
    const bool valid = !QHostAddress(text).isNull();
    m_addressError->setVisible(!valid);
    if (valid && m_settings)
        m_settings->setListenAddress(text);
}

void SettingsPage::setClientToken(const QString &token)
{
    m_token = token;
    m_tokenField->setText(token);
    m_copyToken->setEnabled(!token.isEmpty());
    m_showToken->setEnabled(!token.isEmpty());
}

void SettingsPage::setTokenSink(TokenSink sink)
{
    m_tokenSink = std::move(sink);
    m_regenerateToken->setEnabled(bool(m_tokenSink));
}

void SettingsPage::regenerateToken()
{
    if (!m_tokenSink)
        return;
    const QString token = ClientToken::generate();
    m_tokenSink(token);
    setClientToken(token);
    m_tokenNote->setText(tr("A new token was made. Clients still using the old one are refused until they get "
                            "the new one: copy the snippet on the Claude Code page again."));
    m_tokenNote->show();
}

void SettingsPage::setAutostartDir(const QString &dir)
{
    m_autostartDir = dir;
    const QSignalBlocker blocker(m_startAtLogin);
    m_startAtLogin->setChecked(Autostart::isEnabled(m_autostartDir));
    m_autostartError->hide();
}

void SettingsPage::setAutostartExecutable(const QString &executable)
{
    m_autostartExecutable = executable;
}

void SettingsPage::startAtLoginToggled(bool on)
{
    if (const std::optional<QString> error = Autostart::setEnabled(on, m_autostartExecutable, m_autostartDir)) {
        // The box shows what will happen at login, so it goes back to what is on disk.
        const QSignalBlocker blocker(m_startAtLogin);
        m_startAtLogin->setChecked(Autostart::isEnabled(m_autostartDir));
        m_autostartError->setText(*error);
        m_autostartError->show();
        return;
    }
    m_autostartError->hide();
    if (m_settings)
        m_settings->setStartAtLogin(on);
}

QWidget *SettingsPage::buildTransferBox()
{
    auto *box = new QGroupBox(tr("Configuration File"), this);
    auto *layout = new QVBoxLayout(box);
    auto *where = noteLabel(tr("Kept in %1. The headless proxy (ccbridge --headless) serves the same file. Export it "
                               "to share a setup with your team: keys are never in it, and an import asks for the "
                               "missing ones.")
                                .arg(QDir::toNativeSeparators(m_settings->fileName())),
                            box);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *exportButton = new QPushButton(tr("Export…"), box);
    exportButton->setObjectName(QStringLiteral("exportConfiguration"));
    exportButton->setAccessibleName(tr("Export the configuration"));
    auto *importButton = new QPushButton(tr("Import…"), box);
    importButton->setObjectName(QStringLiteral("importConfiguration"));
    importButton->setAccessibleName(tr("Import a configuration"));
    m_transferResult = noteLabel(QString(), box);
    m_transferResult->setObjectName(QStringLiteral("transferResult"));
    m_transferResult->hide();
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Configuration"),
                                                          QDir::home().filePath(QStringLiteral("ccbridge.json")),
                                                          tr("JSON files (*.json)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Configuration"), QDir::homePath(),
                                                          tr("JSON files (*.json);;All files (*)"));
        if (!path.isEmpty())
            importFrom(path);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(exportButton);
    buttons->addWidget(importButton);
    buttons->addStretch();
    layout->addWidget(where);
    layout->addLayout(buttons);
    layout->addWidget(m_transferResult);
    return box;
}

void SettingsPage::exportTo(const QString &path)
{
    if (const std::optional<QString> problem = ConfigTransfer::exportTo(*m_settings, path))
        showTransferResult(*problem, true);
    else
        showTransferResult(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)), false);
}

void SettingsPage::importFrom(const QString &path)
{
    const QStringList problems = ConfigTransfer::importFrom(*m_settings, path);
    if (!problems.isEmpty()) {
        showTransferResult(tr("Nothing was imported:\n%1").arg(problems.join(QLatin1Char('\n'))), true);
        return;
    }
    showTransferResult(tr("Imported %1.").arg(QDir::toNativeSeparators(path)), false);
    Q_EMIT configurationImported();
}

void SettingsPage::showTransferResult(const QString &text, bool problem)
{
    m_transferResult->setText(text);
    m_transferResult->setProperty("problem", problem);
    m_transferResult->show();
}
