#include "routespage.h"

#include "config/clienttoken.h"
#include "config/configfile.h"
#include "config/providerpresets.h"
#include "config/routejson.h"
#include "config/settings.h"
#include "numberfield.h"
#include "proxy/providerprobe.h"
#include "proxy/proxycontroller.h"
#include "proxy/requesttraits.h"
#include "proxy/router.h"
#include "proxy/upstreamclient.h"
#include "routesreview.h"
#include "routetargetedit.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// How long the model fields wait for a provider's list before keeping the preset's.
constexpr int modelListTimeoutMs = 15'000;
// Claude Code's model families: what a route's pattern usually names, and a current model
// name of each family for the summary to route as the proxy would.
struct Family
{
    QString title;
    QString glob;
    QString example;
};

QList<Family> families()
{
    return {{RoutesPage::tr("Opus"), QStringLiteral("*opus*"), QStringLiteral("claude-opus-4-1")},
            {RoutesPage::tr("Sonnet"), QStringLiteral("*sonnet*"), QStringLiteral("claude-sonnet-4-5")},
            {RoutesPage::tr("Haiku"), QStringLiteral("*haiku*"), QStringLiteral("claude-haiku-4-5")}};
}

const QString anyModel = QStringLiteral("*");
// Large enough for any provider's output cap; 0 leaves the provider's cap in force.

QString matchTitle(const QString &match)
{
    for (const Family &family : families()) {
        if (family.glob == match)
            return family.title;
    }
    if (match == anyModel)
        return RoutesPage::tr("Any model");
    return RoutesPage::tr("Models matching \"%1\"").arg(match);
}

QString scenarioTitle(const QString &when)
{
    if (when.isEmpty())
        return RoutesPage::tr("Any request");
    if (when == QLatin1StringView("background"))
        return RoutesPage::tr("Background requests (haiku-class)");
    if (when == QLatin1StringView("thinking"))
        return RoutesPage::tr("Thinking requests");
    if (when == QLatin1StringView("longContext"))
        return RoutesPage::tr("Long-context requests");
    if (when == QLatin1StringView("images"))
        return RoutesPage::tr("Requests with images");
    if (when == QLatin1StringView("webSearch"))
        return RoutesPage::tr("Web searches");
    if (when == QLatin1StringView("vision"))
        return RoutesPage::tr("Describes images for models that cannot see them");
    return when;
}

QString targetText(const QString &provider, const QString &model)
{
    return RoutesPage::tr("%1 / %2").arg(provider.isEmpty() ? RoutesPage::tr("(no provider)") : provider,
                                         model.isEmpty() ? RoutesPage::tr("(no model)") : model);
}

QString profilePathText(const QString &name)
{
    return RoutesPage::tr("Claude Code reaches it under /p/%1 on the proxy's address.").arg(name);
}

// "Opus → deepseek / deepseek-reasoner, then openrouter / …"
QString routeText(const ModelRoute &route)
{
    QString who = matchTitle(route.match);
    if (!route.when.isEmpty())
        who = RoutesPage::tr("%1 · %2").arg(who, scenarioTitle(route.when));
    QString where = targetText(route.provider, route.model);
    for (const RouteTarget &fallback : route.fallbacks)
        where = RoutesPage::tr("%1, then %2").arg(where, targetText(fallback.provider, fallback.model));
    return RoutesPage::tr("%1 → %2").arg(who, where);
}
} // namespace

RoutesPage::RoutesPage(Settings *settings, SecretStore *secrets, UpstreamConnectionPool *upstreams, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_upstreams(upstreams)
    , m_transaction(new KeychainTransaction(secrets, this))
{
    connect(m_transaction, &KeychainTransaction::finished, this, &RoutesPage::applied);
    buildUi();
    reload();
    // Providers added or renamed elsewhere change what routes can name; edits in progress win
    // over stored routes that change meanwhile.
    connect(m_settings, &Settings::changed, this, [this](const QString &key) {
        if (m_applying)
            return;
        const bool providers = key == Settings::keyName(Settings::Key::Providers);
        if (!providers && key != Settings::keyName(Settings::Key::Routes)
            && key != Settings::keyName(Settings::Key::Profiles))
            return;
        if (!m_dirty) {
            reload();
        } else if (providers) {
            reloadProviders();
            refreshReview();
        }
    });
}

RoutesPage::~RoutesPage() = default;

void RoutesPage::buildUi()
{
    auto *summaryTitle = new QLabel(tr("Where Claude Code's requests go:"), this);
    QFont bold = summaryTitle->font();
    bold.setBold(true);
    summaryTitle->setFont(bold);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildScopePane());
    splitter->addWidget(buildRoutePane());
    splitter->addWidget(buildRouteEditor());
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(2, 1);
    splitter->setSizes({220, 320, 480});

    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problems"));
    m_problemsLabel->setWordWrap(true);
    QPalette problemPalette = m_problemsLabel->palette();
    problemPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    m_problemsLabel->setPalette(problemPalette);
    m_problemsLabel->hide();

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_revertButton = new QPushButton(tr("Revert"), this);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setToolTip(tr("Discard the changes made since the last Apply"));
    connect(m_revertButton, &QPushButton::clicked, this, &RoutesPage::revert);
    m_applyButton = new QPushButton(tr("Apply"), this);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    connect(m_applyButton, &QPushButton::clicked, this, &RoutesPage::apply);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_revertButton);
    bottom->addWidget(m_applyButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summaryTitle);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problemsLabel);
    layout->addLayout(bottom);
}

QWidget *RoutesPage::buildScopePane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *title = new QLabel(tr("Route s&ets:"), pane);
    m_scopeList = new QListWidget(pane);
    m_scopeList->setObjectName(QStringLiteral("scopeList"));
    m_scopeList->setToolTip(tr("The default routes answer at the proxy's address; a profile's answer under /p/<name>."));
    title->setBuddy(m_scopeList);
    // Item views do not take their name from a buddy label.
    m_scopeList->setAccessibleName(tr("Route sets"));
    connect(m_scopeList, &QListWidget::currentRowChanged, this, &RoutesPage::showScope);
    layout->addWidget(title);
    layout->addWidget(m_scopeList, 1);

    m_addProfileButton = new QPushButton(tr("Add profile"), pane);
    m_addProfileButton->setObjectName(QStringLiteral("addProfileButton"));
    m_addProfileButton->setToolTip(tr("A new profile starts as a copy of the default routes."));
    connect(m_addProfileButton, &QPushButton::clicked, this, &RoutesPage::addProfile);
    m_removeProfileButton = new QPushButton(tr("Remove profile"), pane);
    m_removeProfileButton->setObjectName(QStringLiteral("removeProfileButton"));
    connect(m_removeProfileButton, &QPushButton::clicked, this, &RoutesPage::removeProfile);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addProfileButton);
    buttons->addWidget(m_removeProfileButton);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_profileBox = new QWidget(pane);
    auto *form = new QFormLayout(m_profileBox);
    form->setContentsMargins(0, 0, 0, 0);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_profileNameEdit = new QLineEdit(m_profileBox);
    m_profileNameEdit->setObjectName(QStringLiteral("profileNameEdit"));
    connect(m_profileNameEdit, &QLineEdit::textEdited, this, &RoutesPage::onProfileNameEdited);
    form->addRow(tr("Profile &name:"), m_profileNameEdit);
    m_profilePath = new QLabel(m_profileBox);
    m_profilePath->setObjectName(QStringLiteral("profilePath"));
    m_profilePath->setWordWrap(true);
    form->addRow(m_profilePath);

    // A profile's own token lives in the keychain like the proxy's; a variable's name is the
    // alternative for servers without one.
    m_tokenState = new QLabel(m_profileBox);
    m_tokenState->setObjectName(QStringLiteral("profileTokenState"));
    m_tokenState->setWordWrap(true);
    m_newTokenButton = new QPushButton(tr("New &token"), m_profileBox);
    m_newTokenButton->setObjectName(QStringLiteral("newProfileToken"));
    m_newTokenButton->setToolTip(tr("Make a token of its own for this profile; it is kept in the keychain."));
    connect(m_newTokenButton, &QPushButton::clicked, this, &RoutesPage::newProfileToken);
    m_copyTokenButton = new QPushButton(tr("&Copy token"), m_profileBox);
    m_copyTokenButton->setObjectName(QStringLiteral("copyProfileToken"));
    connect(m_copyTokenButton, &QPushButton::clicked, this, &RoutesPage::copyProfileToken);
    m_dropTokenButton = new QPushButton(tr("Use the proxy's to&ken"), m_profileBox);
    m_dropTokenButton->setObjectName(QStringLiteral("dropProfileToken"));
    connect(m_dropTokenButton, &QPushButton::clicked, this, &RoutesPage::dropProfileToken);
    auto *tokenButtons = new QHBoxLayout;
    tokenButtons->addWidget(m_newTokenButton);
    tokenButtons->addWidget(m_copyTokenButton);
    tokenButtons->addWidget(m_dropTokenButton);
    tokenButtons->addStretch();
    form->addRow(tr("Token:"), m_tokenState);
    form->addRow(tokenButtons);

    m_clientTokenEnvEdit = new QLineEdit(m_profileBox);
    m_clientTokenEnvEdit->setObjectName(QStringLiteral("clientTokenEnvEdit"));
    m_clientTokenEnvEdit->setPlaceholderText(tr("Empty: the proxy's own client token"));
    m_clientTokenEnvEdit->setToolTip(tr("The environment variable holding the token clients of this profile must send."));
    connect(m_clientTokenEnvEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (ProfileEntry *entry = currentProfile()) {
            entry->profile.clientTokenEnv = text.trimmed();
            refreshTokenState();
            edited();
        }
    });
    form->addRow(tr("Client token &variable:"), m_clientTokenEnvEdit);

    m_passClientKeyCheck = new QCheckBox(tr("&Pass the client's own API key upstream"), m_profileBox);
    m_passClientKeyCheck->setObjectName(QStringLiteral("passClientKeyCheck"));
    m_passClientKeyCheck->setToolTip(tr("Requests to this profile use the key the client sends instead of the provider's."));
    connect(m_passClientKeyCheck, &QCheckBox::toggled, this, [this](bool checked) {
        ProfileEntry *entry = currentProfile();
        if (m_populating || !entry)
            return;
        entry->profile.passClientKey = checked;
        edited();
    });
    form->addRow(m_passClientKeyCheck);
    layout->addWidget(m_profileBox);
    return pane;
}

QWidget *RoutesPage::buildRoutePane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);

    m_routesTitle = new QLabel(tr("R&outes, the first that matches wins:"), pane);
    m_routeList = new QListWidget(pane);
    m_routeList->setObjectName(QStringLiteral("routeList"));
    m_routeList->setWordWrap(true);
    m_routesTitle->setBuddy(m_routeList);
    m_routeList->setAccessibleName(tr("Routes"));
    connect(m_routeList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_populating)
            showRoute(row);
    });
    layout->addWidget(m_routesTitle);
    layout->addWidget(m_routeList, 1);

    m_addRouteButton = new QPushButton(tr("Add route"), pane);
    m_addRouteButton->setObjectName(QStringLiteral("addRouteButton"));
    connect(m_addRouteButton, &QPushButton::clicked, this, &RoutesPage::addRoute);
    m_removeRouteButton = new QPushButton(tr("Remove route"), pane);
    m_removeRouteButton->setObjectName(QStringLiteral("removeRouteButton"));
    connect(m_removeRouteButton, &QPushButton::clicked, this, &RoutesPage::removeRoute);
    m_routeUpButton = new QPushButton(tr("Move up"), pane);
    m_routeUpButton->setObjectName(QStringLiteral("routeUpButton"));
    m_routeUpButton->setAccessibleName(tr("Move route up"));
    connect(m_routeUpButton, &QPushButton::clicked, this, [this] { moveRoute(-1); });
    m_routeDownButton = new QPushButton(tr("Move down"), pane);
    m_routeDownButton->setObjectName(QStringLiteral("routeDownButton"));
    m_routeDownButton->setAccessibleName(tr("Move route down"));
    connect(m_routeDownButton, &QPushButton::clicked, this, [this] { moveRoute(1); });
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_addRouteButton, 0, 0);
    buttons->addWidget(m_removeRouteButton, 0, 1);
    buttons->addWidget(m_routeUpButton, 1, 0);
    buttons->addWidget(m_routeDownButton, 1, 1);
    layout->addLayout(buttons);
    return pane;
}

QWidget *RoutesPage::buildRouteEditor()
{
    auto *editor = new QWidget(this);
    editor->setObjectName(QStringLiteral("routeEditor"));
    m_routeEditor = editor;
    auto *outer = new QVBoxLayout(editor);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(form);
    outer->addStretch(1);

    m_patternCombo = new QComboBox(editor);
    m_patternCombo->setObjectName(QStringLiteral("patternCombo"));
    for (const Family &family : families())
        m_patternCombo->addItem(tr("%1 (%2)").arg(family.title, family.glob), family.glob);
    m_patternCombo->addItem(tr("Any model (*)"), anyModel);
    m_patternCombo->addItem(tr("Custom pattern"));
    connect(m_patternCombo, &QComboBox::currentIndexChanged, this, &RoutesPage::onPatternChosen);
    m_customPatternEdit = new QLineEdit(editor);
    m_customPatternEdit->setObjectName(QStringLiteral("customPatternEdit"));
    m_customPatternEdit->setAccessibleName(tr("Custom pattern"));
    m_customPatternEdit->setToolTip(tr("A pattern on the model name Claude Code asks for: * stands for any text, "
                                       "? for one character, e.g. claude-*-4-5."));
    connect(m_customPatternEdit, &QLineEdit::textEdited, this, &RoutesPage::onCustomPatternEdited);
    auto *patternRow = new QHBoxLayout;
    patternRow->addWidget(m_patternCombo);
    patternRow->addWidget(m_customPatternEdit, 1);
    // A row holding a layout gets no buddy by itself.
    auto *patternLabel = new QLabel(tr("Claude &model:"), editor);
    patternLabel->setBuddy(m_patternCombo);
    form->addRow(patternLabel, patternRow);

    m_scenarioCombo = new QComboBox(editor);
    m_scenarioCombo->setObjectName(QStringLiteral("scenarioCombo"));
    m_scenarioCombo->addItem(scenarioTitle({}), QString());
    for (const QString &scenario : ModelRoute::scenarios())
        m_scenarioCombo->addItem(scenarioTitle(scenario), scenario);
    connect(m_scenarioCombo, &QComboBox::currentIndexChanged, this, &RoutesPage::onScenarioChosen);
    form->addRow(tr("&Scenario:"), m_scenarioCombo);

    m_target = new RouteTargetEdit(tr("Provider"), tr("Model"), editor);
    m_target->setObjectName(QStringLiteral("target"));
    connect(m_target, &RouteTargetEdit::edited, this, &RoutesPage::onTargetEdited);
    form->addRow(tr("Goes &to:"), m_target);

    m_maxOutputTokensSpin = new NumberField(ConfigKey::RouteMaxOutputTokens, editor);
    m_maxOutputTokensSpin->setObjectName(QStringLiteral("maxOutputTokensSpin"));
    m_maxOutputTokensSpin->setSingleStep(1024);
    m_maxOutputTokensSpin->setSpecialValueText(tr("The provider's limit"));
    connect(m_maxOutputTokensSpin, &NumberField::accepted, this, &RoutesPage::onMaxOutputTokensChanged);
    form->addRow(tr("Max output to&kens:"), m_maxOutputTokensSpin);
    form->addRow(QString(), m_maxOutputTokensSpin->problemLabel());

    // For models no preset knows (a local server's), or a preset that is wrong about one.
    m_imagesCombo = new QComboBox(editor);
    m_imagesCombo->setObjectName(QStringLiteral("imagesCombo"));
    m_imagesCombo->addItem(tr("As the provider's preset says"));
    m_imagesCombo->addItem(tr("The model sees images"));
    m_imagesCombo->addItem(tr("The model cannot see images: a vision route describes them"));
    m_imagesCombo->setToolTip(ConfigSchema::field(ConfigKey::RouteImages).helpText());
    connect(m_imagesCombo, &QComboBox::currentIndexChanged, this, &RoutesPage::onImagesChosen);
    form->addRow(tr("&Images:"), m_imagesCombo);

    m_fallbackList = new QListWidget(editor);
    m_fallbackList->setObjectName(QStringLiteral("fallbackList"));
    m_fallbackList->setAccessibleName(tr("Fallbacks"));
    m_fallbackList->setToolTip(tr("Tried in order when the provider fails before it answers."));
    m_fallbackList->setMaximumHeight(m_fallbackList->fontMetrics().height() * 6);
    connect(m_fallbackList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_populating)
            showFallback(row);
    });
    form->addRow(tr("&Fallbacks:"), m_fallbackList);

    m_addFallbackButton = new QPushButton(tr("Add fallback"), editor);
    m_addFallbackButton->setObjectName(QStringLiteral("addFallbackButton"));
    connect(m_addFallbackButton, &QPushButton::clicked, this, &RoutesPage::addFallback);
    m_removeFallbackButton = new QPushButton(tr("Remove fallback"), editor);
    m_removeFallbackButton->setObjectName(QStringLiteral("removeFallbackButton"));
    connect(m_removeFallbackButton, &QPushButton::clicked, this, &RoutesPage::removeFallback);
    m_fallbackUpButton = new QPushButton(tr("Move up"), editor);
    m_fallbackUpButton->setObjectName(QStringLiteral("fallbackUpButton"));
    m_fallbackUpButton->setAccessibleName(tr("Move fallback up"));
    connect(m_fallbackUpButton, &QPushButton::clicked, this, [this] { moveFallback(-1); });
    m_fallbackDownButton = new QPushButton(tr("Move down"), editor);
    m_fallbackDownButton->setObjectName(QStringLiteral("fallbackDownButton"));
    m_fallbackDownButton->setAccessibleName(tr("Move fallback down"));
    connect(m_fallbackDownButton, &QPushButton::clicked, this, [this] { moveFallback(1); });
    auto *fallbackButtons = new QHBoxLayout;
    fallbackButtons->addWidget(m_addFallbackButton);
    fallbackButtons->addWidget(m_removeFallbackButton);
    fallbackButtons->addWidget(m_fallbackUpButton);
    fallbackButtons->addWidget(m_fallbackDownButton);
    fallbackButtons->addStretch();
    form->addRow(QString(), fallbackButtons);

    m_fallbackTarget = new RouteTargetEdit(tr("Fallback provider"), tr("Fallback model"), editor);
    m_fallbackTarget->setObjectName(QStringLiteral("fallbackTarget"));
    connect(m_fallbackTarget, &RouteTargetEdit::edited, this, &RoutesPage::onFallbackEdited);
    form->addRow(tr("Fallback goes to:"), m_fallbackTarget);
    return editor;
}

void RoutesPage::reload()
{
    const int scopeRow = std::max(m_scopeList->currentRow(), 0);
    const int routeRow = m_routeList->currentRow();

    // Read the way the proxy reads them, so what the page shows is what will be served.
    const QJsonObject stored{{QStringLiteral("routes"), m_settings->routes()},
                             {QStringLiteral("profiles"), m_settings->profiles()}};
    const ProxyConfig config = ConfigFile::parse(QJsonDocument(stored).toJson(QJsonDocument::Compact)).config;
    m_routes = config.routes;
    m_profiles.clear();
    for (const Profile &profile : config.profiles)
        m_profiles.append({profile, profile.name, profile.tokenInKeychain, {}});
    m_tokensToForget.clear();
    m_dirty = false;
    reloadProviders();

    {
        const QScopedValueRollback<bool> populating(m_populating, true);
        m_scopeList->clear();
        m_scopeList->addItem(tr("Default routes"));
        for (qsizetype i = 0; i < m_profiles.size(); ++i) {
            m_scopeList->addItem(QString());
            refreshScopeItem(int(i + 1));
        }
        m_scopeList->setCurrentRow(std::min(scopeRow, m_scopeList->count() - 1));
    }
    showScope(m_scopeList->currentRow());
    if (routeRow >= 0 && routeRow < m_routeList->count())
        m_routeList->setCurrentRow(routeRow);
}

void RoutesPage::reloadProviders()
{
    m_providerChoices.clear();
    const QList<ProviderConfig> providers = RoutesReview::configuredProviders(m_settings->providers());
    for (const ProviderConfig &provider : providers) {
        const ProviderPreset *preset = ProviderPresets::find(provider.preset);
        m_providerChoices.append({provider.name, preset ? preset->models : QStringList()});
    }
    m_target->setChoices(m_providerChoices);
    m_fallbackTarget->setChoices(m_providerChoices);
    for (const ProviderConfig &provider : providers)
        fetchModels(provider);
}

void RoutesPage::fetchModels(const ProviderConfig &provider)
{
    if (!m_upstreams)
        return;
    const auto probe = [this](ProviderConfig withKey) {
        // A list should come within seconds; a silent provider keeps the preset's list.
        const UpstreamClient client(m_upstreams, modelListTimeoutMs, modelListTimeoutMs);
        const QString name = withKey.name;
        new ProviderProbe(client, withKey, [this, name](const ProviderProbe::Result &result) {
            if (result.ok && !result.models.isEmpty())
                offerModels(name, result.models);
        }, this);
    };
    if (!provider.keyInKeychain) {
        probe(provider);
        return;
    }
    m_secrets->read(provider.name, this, [provider, probe](const SecretStore::Result &result) {
        ProviderConfig withKey = provider;
        if (result.ok)
            withKey.apiKey = result.secret;
        probe(withKey);
    });
}

void RoutesPage::offerModels(const QString &provider, const QStringList &models)
{
    for (RouteTargetEdit::Choice &choice : m_providerChoices) {
        if (choice.provider == provider)
            choice.models = models;
    }
    const QScopedValueRollback<bool> populating(m_populating, true);
    m_target->setChoices(m_providerChoices);
    m_fallbackTarget->setChoices(m_providerChoices);
}

QList<ModelRoute> &RoutesPage::routesInScope()
{
    ProfileEntry *profile = currentProfile();
    return profile ? profile->profile.routes : m_routes;
}

RoutesPage::ProfileEntry *RoutesPage::currentProfile()
{
    const int index = m_scopeList->currentRow() - 1;
    return index >= 0 && index < m_profiles.size() ? &m_profiles[index] : nullptr;
}

ModelRoute *RoutesPage::currentRoute()
{
    QList<ModelRoute> &routes = routesInScope();
    const int row = m_routeList->currentRow();
    return row >= 0 && row < routes.size() ? &routes[row] : nullptr;
}

RouteTarget *RoutesPage::currentFallback()
{
    ModelRoute *route = currentRoute();
    const int row = m_fallbackList->currentRow();
    return route && row >= 0 && row < route->fallbacks.size() ? &route->fallbacks[row] : nullptr;
}

QString RoutesPage::uniqueProfileName() const
{
    const auto taken = [this](const QString &name) {
        return std::any_of(m_profiles.cbegin(), m_profiles.cend(),
                           [&name](const ProfileEntry &entry) { return entry.profile.name == name; });
    };
    const QString base = QStringLiteral("profile");
    QString name = base;
    for (int suffix = 2; taken(name); ++suffix)
        name = QStringLiteral("%1-%2").arg(base).arg(suffix);
    return name;
}

void RoutesPage::showScope(int row)
{
    if (m_populating || row < 0)
        return;
    const ProfileEntry *profile = currentProfile();
    m_profileBox->setVisible(profile != nullptr);
    if (profile) {
        const QScopedValueRollback<bool> populating(m_populating, true);
        m_profileNameEdit->setText(profile->profile.name);
        m_profilePath->setText(profilePathText(profile->profile.name));
        m_clientTokenEnvEdit->setText(profile->profile.clientTokenEnv);
        m_passClientKeyCheck->setChecked(profile->profile.passClientKey);
        refreshTokenState();
    }
    const QList<ModelRoute> &routes = routesInScope();
    {
        const QScopedValueRollback<bool> populating(m_populating, true);
        m_routeList->clear();
        for (qsizetype i = 0; i < routes.size(); ++i) {
            m_routeList->addItem(QString());
            refreshRouteItem(int(i));
        }
        m_routeList->setCurrentRow(routes.isEmpty() ? -1 : 0);
    }
    showRoute(m_routeList->currentRow());
    refreshReview();
}

void RoutesPage::showRoute(int row)
{
    const ModelRoute *route = currentRoute();
    m_routeEditor->setEnabled(route != nullptr && row >= 0);
    {
        const QScopedValueRollback<bool> populating(m_populating, true);
        const ModelRoute shown = route ? *route : ModelRoute();
        const int patternIndex = route ? m_patternCombo->findData(shown.match) : -1;
        const bool custom = route && patternIndex < 0;
        m_patternCombo->setCurrentIndex(custom ? m_patternCombo->count() - 1 : patternIndex);
        m_customPatternEdit->setText(shown.match);
        m_customPatternEdit->setEnabled(custom);
        int scenarioIndex = m_scenarioCombo->findData(shown.when);
        if (scenarioIndex < 0) {
            // A scenario this version does not know: shown, and reported as a problem.
            m_scenarioCombo->addItem(shown.when, shown.when);
            scenarioIndex = m_scenarioCombo->count() - 1;
        }
        m_scenarioCombo->setCurrentIndex(scenarioIndex);
        m_target->setTarget(shown.provider, shown.model);
        m_maxOutputTokensSpin->showStoredValue(shown.maxOutputTokens);
        m_imagesCombo->setCurrentIndex(!shown.images ? 0 : *shown.images ? 1 : 2);
        m_fallbackList->clear();
        for (qsizetype i = 0; i < shown.fallbacks.size(); ++i) {
            m_fallbackList->addItem(QString());
            refreshFallbackItem(int(i));
        }
        m_fallbackList->setCurrentRow(shown.fallbacks.isEmpty() ? -1 : 0);
    }
    showFallback(m_fallbackList->currentRow());
}

void RoutesPage::showFallback(int)
{
    const RouteTarget *fallback = currentFallback();
    m_fallbackTarget->setEnabled(fallback != nullptr);
    m_fallbackTarget->setTarget(fallback ? fallback->provider : QString(), fallback ? fallback->model : QString());
    refreshButtons();
}

void RoutesPage::refreshScopeItem(int row)
{
    QListWidgetItem *item = m_scopeList->item(row);
    if (!item || row < 1 || row > m_profiles.size())
        return;
    const QString name = m_profiles.at(row - 1).profile.name;
    item->setText(tr("Profile %1").arg(name.isEmpty() ? tr("(unnamed)") : name));
}

void RoutesPage::refreshRouteItem(int row)
{
    QListWidgetItem *item = m_routeList->item(row);
    const QList<ModelRoute> &routes = routesInScope();
    if (item && row < routes.size())
        item->setText(tr("%1. %2").arg(row + 1).arg(routeText(routes.at(row))));
}

void RoutesPage::refreshFallbackItem(int row)
{
    QListWidgetItem *item = m_fallbackList->item(row);
    const ModelRoute *route = currentRoute();
    if (item && route && row < route->fallbacks.size())
        item->setText(targetText(route->fallbacks.at(row).provider, route->fallbacks.at(row).model));
}

void RoutesPage::refreshReview()
{
    QList<Profile> profiles;
    for (const ProfileEntry &entry : std::as_const(m_profiles))
        profiles << entry.profile;
    const RoutesReview review(m_settings->providers(), m_routes, profiles);
    m_problems = review.problems();
    m_problemsLabel->setText(tr("To fix before Apply:") + QStringLiteral("\n• ")
                             + m_problems.join(QStringLiteral("\n• ")));
    m_problemsLabel->setVisible(!m_problems.isEmpty());

    // The summary routes a model of each family exactly as the proxy would.
    const int profileIndex = m_scopeList->currentRow() - 1;
    const QList<ModelRoute> routes = profileIndex >= 0 && profileIndex < review.config().profiles.size()
                                         ? review.config().profiles.at(profileIndex).routes
                                         : review.config().routes;
    const Router router(review.config(), routes);
    QStringList lines;
    for (const Family &family : families()) {
        RequestTraits traits;
        traits.model = family.example;
        const QList<Route> plan = router.plan(traits);
        if (plan.isEmpty()) {
            lines << tr("%1 → no route: such requests fail").arg(family.title);
            continue;
        }
        QString where;
        for (const Route &route : plan) {
            const QString target = targetText(route.provider ? route.provider->name : QString(), route.upstreamModel);
            where = where.isEmpty() ? target : tr("%1, then %2").arg(where, target);
        }
        lines << tr("%1 → %2").arg(family.title, where);
    }
    for (const ModelRoute &route : routes) {
        if (!route.when.isEmpty())
            lines << routeText(route);
    }
    m_summary->setText(lines.join(QLatin1Char('\n')));
}

void RoutesPage::refreshButtons()
{
    const int routeRow = m_routeList->currentRow();
    const int routeCount = m_routeList->count();
    const int fallbackRow = m_fallbackList->currentRow();
    const int fallbackCount = m_fallbackList->count();
    m_removeProfileButton->setEnabled(currentProfile() != nullptr);
    m_removeRouteButton->setEnabled(routeRow >= 0);
    m_routeUpButton->setEnabled(routeRow > 0);
    m_routeDownButton->setEnabled(routeRow >= 0 && routeRow < routeCount - 1);
    m_removeFallbackButton->setEnabled(fallbackRow >= 0);
    m_fallbackUpButton->setEnabled(fallbackRow > 0);
    m_fallbackDownButton->setEnabled(fallbackRow >= 0 && fallbackRow < fallbackCount - 1);
    m_applyButton->setEnabled(m_dirty);
    m_revertButton->setEnabled(m_dirty);
}

void RoutesPage::edited()
{
    m_dirty = true;
    showStatus({}, false);
    refreshReview();
    refreshButtons();
}

void RoutesPage::addProfile()
{
    // A copy of the default routes works from the start; the user then changes what differs.
    m_profiles.append({Profile{.name = uniqueProfileName(), .routes = m_routes}, QString()});
    m_scopeList->addItem(QString());
    refreshScopeItem(m_scopeList->count() - 1);
    m_scopeList->setCurrentRow(m_scopeList->count() - 1);
    edited();
    m_profileNameEdit->setFocus();
    m_profileNameEdit->selectAll();
}

void RoutesPage::removeProfile()
{
    const int row = m_scopeList->currentRow();
    const ProfileEntry *entry = currentProfile();
    if (!entry)
        return;
    if (entry->storedTokenInKeychain)
        m_tokensToForget << ProxyController::profileTokenName(entry->storedName);
    m_profiles.removeAt(row - 1);
    {
        const QScopedValueRollback<bool> populating(m_populating, true);
        delete m_scopeList->takeItem(row);
        m_scopeList->setCurrentRow(std::min(row, m_scopeList->count() - 1));
    }
    showScope(m_scopeList->currentRow());
    edited();
}

void RoutesPage::addRoute()
{
    QList<ModelRoute> &routes = routesInScope();
    // New routes go before the catch-all, where they can still match, and name the first
    // model family the list does not route yet.
    const auto isCatchAll = [](const ModelRoute &route) { return route.when.isEmpty() && route.match == anyModel; };
    const auto catchAll = std::find_if(routes.cbegin(), routes.cend(), isCatchAll);
    ModelRoute route;
    route.match = anyModel;
    if (catchAll != routes.cend()) {
        route.match = families().constFirst().glob;
        for (const Family &family : families()) {
            if (std::none_of(routes.cbegin(), routes.cend(), [&family](const ModelRoute &r) { return r.match == family.glob; })) {
                route.match = family.glob;
                break;
            }
        }
    }
    if (!m_providerChoices.isEmpty()) {
        route.provider = m_providerChoices.constFirst().provider;
        route.model = m_providerChoices.constFirst().models.value(0);
    }
    const int row = int(catchAll - routes.cbegin());
    routes.insert(row, route);
    {
        const QScopedValueRollback<bool> populating(m_populating, true);
        m_routeList->insertItem(row, QString());
        for (int i = row; i < m_routeList->count(); ++i)
            refreshRouteItem(i);
        m_routeList->setCurrentRow(row);
    }
    showRoute(row);
    edited();
    m_patternCombo->setFocus();
}

void RoutesPage::removeRoute()
{
    QList<ModelRoute> &routes = routesInScope();
    const int row = m_routeList->currentRow();
    if (row < 0 || row >= routes.size())
        return;
    routes.removeAt(row);
    {
        const QScopedValueRollback<bool> populating(m_populating, true);
        delete m_routeList->takeItem(row);
        for (int i = row; i < m_routeList->count(); ++i)
            refreshRouteItem(i);
        m_routeList->setCurrentRow(std::min(row, m_routeList->count() - 1));
    }
    showRoute(m_routeList->currentRow());
    edited();
}

void RoutesPage::moveRoute(int delta)
{
    QList<ModelRoute> &routes = routesInScope();
    const int row = m_routeList->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= routes.size())
        return;
    routes.move(row, to);
    {
        const QScopedValueRollback<bool> populating(m_populating, true);
        refreshRouteItem(row);
        refreshRouteItem(to);
        m_routeList->setCurrentRow(to);
    }
    showRoute(to);
    edited();
}

void RoutesPage::addFallback()
{
    ModelRoute *route = currentRoute();
    if (!route)
        return;
    // Falling back to the same provider helps little; another one is the usual choice.
    RouteTarget fallback{route->provider, {}};
    for (const RouteTargetEdit::Choice &choice : std::as_const(m_providerChoices)) {
        if (choice.provider != route->provider) {
            fallback = {choice.provider, choice.models.value(0)};
            break;
        }
    }
    route->fallbacks.append(fallback);
    {
        const QScopedValueRollback<bool> populating(m_populating, true);
        m_fallbackList->addItem(QString());
        refreshFallbackItem(m_fallbackList->count() - 1);
        m_fallbackList->setCurrentRow(m_fallbackList->count() - 1);
    }
    showFallback(m_fallbackList->currentRow());
    refreshRouteItem(m_routeList->currentRow());
    edited();
    m_fallbackTarget->setFocus();
}

void RoutesPage::removeFallback()
{
    ModelRoute *route = currentRoute();
    const int row = m_fallbackList->currentRow();
    if (!route || row < 0 || row >= route->fallbacks.size())
        return;
    route->fallbacks.removeAt(row);
    {
        const QScopedValueRollback<bool> populating(m_populating, true);
        delete m_fallbackList->takeItem(row);
        m_fallbackList->setCurrentRow(std::min(row, m_fallbackList->count() - 1));
    }
    showFallback(m_fallbackList->currentRow());
    refreshRouteItem(m_routeList->currentRow());
    edited();
}

void RoutesPage::moveFallback(int delta)
{
    ModelRoute *route = currentRoute();
    const int row = m_fallbackList->currentRow();
    const int to = row + delta;
    if (!route || row < 0 || to < 0 || to >= route->fallbacks.size())
        return;
    route->fallbacks.move(row, to);
    {
        const QScopedValueRollback<bool> populating(m_populating, true);
        refreshFallbackItem(row);
        refreshFallbackItem(to);
        m_fallbackList->setCurrentRow(to);
    }
    showFallback(to);
    refreshRouteItem(m_routeList->currentRow());
    edited();
}

void RoutesPage::onProfileNameEdited(const QString &text)
{
    ProfileEntry *entry = currentProfile();
    if (!entry)
        return;
    entry->profile.name = text.trimmed();
    refreshScopeItem(m_scopeList->currentRow());
    m_profilePath->setText(profilePathText(entry->profile.name));
    edited();
}

void RoutesPage::onPatternChosen(int index)
{
    ModelRoute *route = currentRoute();
    if (m_populating || !route)
        return;
    const QVariant glob = m_patternCombo->itemData(index);
    m_customPatternEdit->setEnabled(!glob.isValid());
    if (glob.isValid()) {
        route->match = glob.toString();
        m_customPatternEdit->setText(route->match);
    } else {
        m_customPatternEdit->setFocus();
        m_customPatternEdit->selectAll();
    }
    refreshRouteItem(m_routeList->currentRow());
    edited();
}

void RoutesPage::onCustomPatternEdited(const QString &text)
{
    ModelRoute *route = currentRoute();
    if (!route)
        return;
    route->match = text.trimmed();
    refreshRouteItem(m_routeList->currentRow());
    edited();
}

void RoutesPage::onScenarioChosen(int index)
{
    ModelRoute *route = currentRoute();
    if (m_populating || !route)
        return;
    route->when = m_scenarioCombo->itemData(index).toString();
    refreshRouteItem(m_routeList->currentRow());
    edited();
}

void RoutesPage::onTargetEdited()
{
    ModelRoute *route = currentRoute();
    if (m_populating || !route)
        return;
    route->provider = m_target->provider();
    route->model = m_target->model();
    refreshRouteItem(m_routeList->currentRow());
    edited();
}

void RoutesPage::onMaxOutputTokensChanged(qint64 value)
{
    ModelRoute *route = currentRoute();
    if (m_populating || !route)
        return;
    route->maxOutputTokens = int(value);
    edited();
}

void RoutesPage::onImagesChosen(int index)
{
    ModelRoute *route = currentRoute();
    if (m_populating || !route)
        return;
    route->images = index == 0 ? std::nullopt : std::optional<bool>(index == 1);
    edited();
}

void RoutesPage::onFallbackEdited()
{
    RouteTarget *fallback = currentFallback();
    if (m_populating || !fallback)
        return;
    fallback->provider = m_fallbackTarget->provider();
    fallback->model = m_fallbackTarget->model();
    refreshFallbackItem(m_fallbackList->currentRow());
    refreshRouteItem(m_routeList->currentRow());
    edited();
}

void RoutesPage::apply()
{
    if (!m_problems.isEmpty()) {
        showStatus(tr("Not applied: fix the problems listed above first."), true);
        return;
    }
    if (m_transaction->isRunning())
        return;
    // Tokens first, then the profiles that name them, then the tokens nothing names any more.
    KeychainTransaction::Plan plan;
    plan.removals = m_tokensToForget;
    for (ProfileEntry &entry : m_profiles) {
        const QString name = ProxyController::profileTokenName(entry.profile.name);
        const QString stored = ProxyController::profileTokenName(entry.storedName);
        const bool renamed = !entry.storedName.isEmpty() && entry.storedName != entry.profile.name;
        if (!entry.pendingToken.isEmpty())
            plan.writes.append({name, entry.pendingToken});
        else if (entry.profile.tokenInKeychain && renamed)
            plan.moves.append({stored, name});
        if (entry.storedTokenInKeychain && (renamed || !entry.profile.tokenInKeychain))
            plan.removals << stored;
    }
    m_applyButton->setEnabled(false);
    showStatus(tr("Saving…"), false);
    m_transaction->start(plan, [this] { return storeRoutes(); });
}

std::optional<QString> RoutesPage::storeRoutes()
{
    QList<Profile> profiles;
    const QString active = m_settings->activeProfile();
    QString nowActive; // a removed active profile leaves the default routes active
    for (const ProfileEntry &entry : std::as_const(m_profiles)) {
        profiles << entry.profile;
        if (!active.isEmpty() && entry.storedName == active)
            nowActive = entry.profile.name;
    }
    // Each write reports a change; the page reloads once, when all are stored.
    const QScopedValueRollback<bool> applying(m_applying, true);
    if (const auto problem = m_settings->set(Settings::Key::Routes, RouteJson::fromRoutes(m_routes)))
        return tr("The routes could not be saved: %1").arg(*problem);
    if (const auto problem = m_settings->set(Settings::Key::Profiles, RouteJson::fromProfiles(profiles)))
        return tr("The profiles could not be saved: %1").arg(*problem);
    if (nowActive != active)
        m_settings->setActiveProfile(nowActive);
    return std::nullopt;
}

void RoutesPage::applied(bool ok, SecretStore::Error error, const QString &message, const QStringList &warnings)
{
    if (!ok) {
        refreshButtons();
        showStatus(error == SecretStore::Error::None ? message
                                                     : tr("Nothing was saved: %1 %2").arg(message, SecretStore::explain(error)),
                   true);
        return;
    }
    reload();
    showStatus(warnings.isEmpty() ? tr("Saved.") : tr("Saved, but: %1").arg(warnings.join(QLatin1Char(' '))),
               !warnings.isEmpty());
    Q_EMIT routesChanged();
}

void RoutesPage::newProfileToken()
{
    ProfileEntry *entry = currentProfile();
    if (!entry)
        return;
    entry->pendingToken = ClientToken::generate();
    entry->profile.tokenInKeychain = true;
    refreshTokenState();
    edited();
}

void RoutesPage::copyProfileToken()
{
    const ProfileEntry *entry = currentProfile();
    if (!entry)
        return;
    if (!entry->pendingToken.isEmpty()) {
        QGuiApplication::clipboard()->setText(entry->pendingToken);
        showStatus(tr("Copied the new token; Apply makes it the profile's."), false);
        return;
    }
    m_secrets->read(ProxyController::profileTokenName(entry->storedName), this, [this](const SecretStore::Result &result) {
        if (!result.ok) {
            showStatus(tr("The token could not be read: %1").arg(result.message), true);
            return;
        }
        QGuiApplication::clipboard()->setText(result.secret);
        showStatus(tr("Copied the profile's token."), false);
    });
}

void RoutesPage::dropProfileToken()
{
    ProfileEntry *entry = currentProfile();
    if (!entry)
        return;
    entry->pendingToken.clear();
    entry->profile.tokenInKeychain = false;
    refreshTokenState();
    edited();
}

void RoutesPage::refreshTokenState()
{
    const ProfileEntry *entry = currentProfile();
    if (!entry)
        return;
    const bool own = entry->profile.tokenInKeychain;
    m_tokenState->setText(!entry->pendingToken.isEmpty() ? tr("A new token of its own; Apply keeps it in the keychain.")
                          : own                          ? tr("A token of its own, kept in the keychain.")
                          : entry->profile.clientTokenEnv.isEmpty()
                              ? tr("The proxy's client token.")
                              : tr("The token in the environment variable below."));
    // A stored token can be copied once it is stored under the profile's current name.
    m_copyTokenButton->setEnabled(!entry->pendingToken.isEmpty()
                                  || (own && entry->storedTokenInKeychain && entry->storedName == entry->profile.name));
    m_dropTokenButton->setEnabled(own);
}

void RoutesPage::revert()
{
    reload();
    showStatus({}, false);
}

void RoutesPage::showStatus(const QString &text, bool problem)
{
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, problem ? QColor(0xc0, 0x39, 0x2b) : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
    m_status->setText(text);
}
