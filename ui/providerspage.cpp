#include "providerspage.h"

#include "config/configfile.h"
#include "config/providerpresets.h"
#include "config/proxyconfig.h"
#include "config/settings.h"
#include "protocol/upstreamformat.h"
#include "proxy/upstreamclient.h"
#include "routejson.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// A connection test should answer within seconds; the proxy's own read timeout is sized for
// long generations and would leave the button waiting for minutes on a silent server.
constexpr int probeReadTimeoutMs = 30'000;

const QLatin1StringView nameField("name");
const QLatin1StringView presetField("preset");
const QLatin1StringView baseUrlField("baseUrl");
const QLatin1StringView formatField("format");
const QLatin1StringView keyEnvField("apiKeyEnv");
const QLatin1StringView keyInKeychainField("keyInKeychain");
const QLatin1StringView maxOutputTokensField("maxOutputTokens");

QString formatTitle(UpstreamApi format)
{
    switch (format) {
    case UpstreamApi::OpenAiChat:
        return ProvidersPage::tr("OpenAI Chat Completions (openai-chat)");
    case UpstreamApi::OpenAiResponses:
        return ProvidersPage::tr("OpenAI Responses (openai-responses)");
    case UpstreamApi::Anthropic:
        break;
    }
    return ProvidersPage::tr("Anthropic Messages (anthropic)");
}

QLabel *hintLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

ProvidersPage::ProvidersPage(Settings *settings, SecretStore *secrets, QNetworkAccessManager *network,
                             QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_network(network)
{
    buildUi();
    reload();
    // Another page or a second window may change the providers; edits in progress win.
    connect(m_settings, &Settings::changed, this, [this](const QString &key) {
        if (key == Settings::keyName(Settings::Key::Providers) && !m_dirty && !m_saving)
            reload();
    });
}

ProvidersPage::~ProvidersPage() = default;

void ProvidersPage::buildUi()
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("providerList"));
    m_list->setAccessibleName(tr("Providers"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);

    m_addButton = new QPushButton(tr("Add"), this);
    m_addButton->setObjectName(QStringLiteral("addButton"));
    auto *addMenu = new QMenu(m_addButton);
    addMenu->setObjectName(QStringLiteral("addMenu"));
    for (const ProviderPreset &preset : ProviderPresets::all()) {
        QAction *action = addMenu->addAction(preset.name);
        action->setObjectName(QStringLiteral("addPreset_") + preset.id);
        const QString presetId = preset.id;
        connect(action, &QAction::triggered, this,
                [this, presetId] { addEntry(entryFromPreset(ProviderPresets::find(presetId), UpstreamApi::OpenAiChat)); });
    }
    addMenu->addSeparator();
    QAction *customOpenAi = addMenu->addAction(tr("Custom OpenAI-compatible…"));
    customOpenAi->setObjectName(QStringLiteral("addCustomOpenAi"));
    connect(customOpenAi, &QAction::triggered, this,
            [this] { addEntry(entryFromPreset(nullptr, UpstreamApi::OpenAiChat)); });
    QAction *customAnthropic = addMenu->addAction(tr("Custom Anthropic-compatible…"));
    customAnthropic->setObjectName(QStringLiteral("addCustomAnthropic"));
    connect(customAnthropic, &QAction::triggered, this,
            [this] { addEntry(entryFromPreset(nullptr, UpstreamApi::Anthropic)); });
    m_addButton->setMenu(addMenu);

    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    connect(m_removeButton, &QPushButton::clicked, this, &ProvidersPage::removeCurrent);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch();
    leftLayout->addLayout(listButtons);

    m_emptyHint = new QLabel(tr("No provider is configured yet. Add one to tell CC Bridge where to send "
                                "Claude Code's requests."),
                             this);
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("providerEditor"));
    scroll->setAccessibleName(tr("Provider details"));
    scroll->setWidget(buildEditor());
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_editor = scroll;

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_emptyHint);
    rightLayout->addWidget(scroll, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({220, 520});

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_revertButton = new QPushButton(tr("Revert"), this);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setToolTip(tr("Discard the changes made since the last Apply"));
    connect(m_revertButton, &QPushButton::clicked, this, &ProvidersPage::revert);
    m_applyButton = new QPushButton(tr("Apply"), this);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyButton->setDefault(true);
    connect(m_applyButton, &QPushButton::clicked, this, &ProvidersPage::apply);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_revertButton);
    bottom->addWidget(m_applyButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(m_list, &QListWidget::currentRowChanged, this, &ProvidersPage::showEntry);
}

QWidget *ProvidersPage::buildEditor()
{
    auto *editor = new QWidget;
    // The form keeps its natural height; spare room goes below it, not between its rows.
    auto *outer = new QVBoxLayout(editor);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_presetLabel = new QLabel(editor);
    m_presetLabel->setObjectName(QStringLiteral("presetLabel"));
    m_presetNotes = hintLabel(editor);
    m_presetNotes->setObjectName(QStringLiteral("presetNotes"));
    auto *presetBox = new QVBoxLayout;
    presetBox->addWidget(m_presetLabel);
    presetBox->addWidget(m_presetNotes);
    form->addRow(tr("Preset:"), presetBox);

    m_nameEdit = new QLineEdit(editor);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setToolTip(tr("Routes refer to the provider by this name, and its key is stored under it."));
    connect(m_nameEdit, &QLineEdit::textChanged, this, &ProvidersPage::onNameEdited);
    form->addRow(tr("&Name:"), m_nameEdit);

    m_baseUrlEdit = new QLineEdit(editor);
    m_baseUrlEdit->setObjectName(QStringLiteral("baseUrlEdit"));
    m_baseUrlEdit->setPlaceholderText(tr("https://api.example.com/v1"));
    connect(m_baseUrlEdit, &QLineEdit::textChanged, this, &ProvidersPage::onBaseUrlEdited);
    m_endpointHint = hintLabel(editor);
    m_endpointHint->setObjectName(QStringLiteral("endpointHint"));
    auto *urlBox = new QVBoxLayout;
    urlBox->addWidget(m_baseUrlEdit);
    urlBox->addWidget(m_endpointHint);
    // A row holding a layout gets no buddy by itself, and without one the mnemonic shows as "&".
    auto *baseUrlLabel = new QLabel(tr("Base &URL:"), editor);
    baseUrlLabel->setBuddy(m_baseUrlEdit);
    form->addRow(baseUrlLabel, urlBox);

    m_formatCombo = new QComboBox(editor);
    m_formatCombo->setObjectName(QStringLiteral("formatCombo"));
    for (const UpstreamApi format : UpstreamApiName::all())
        m_formatCombo->addItem(formatTitle(format), int(format));
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, &ProvidersPage::onFormatChosen);
    form->addRow(tr("API &format:"), m_formatCombo);

    // The key: in the keychain, or named by an environment variable. Two radio buttons of one
    // parent are exclusive without a button group.
    auto *keyBox = new QWidget(editor);
    auto *keyLayout = new QVBoxLayout(keyBox);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    m_keychainRadio = new QRadioButton(tr("Store the key in the OS &keychain"), keyBox);
    m_keychainRadio->setObjectName(QStringLiteral("keychainRadio"));
    connect(m_keychainRadio, &QRadioButton::clicked, this, &ProvidersPage::onKeySourceChosen);
    m_keyEdit = new QLineEdit(keyBox);
    m_keyEdit->setObjectName(QStringLiteral("apiKeyEdit"));
    m_keyEdit->setAccessibleName(tr("API key"));
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setClearButtonEnabled(true);
    connect(m_keyEdit, &QLineEdit::textChanged, this, &ProvidersPage::onKeyEdited);
    m_showKeyAction = new QAction(tr("Show"), this);
    m_showKeyAction->setObjectName(QStringLiteral("showKeyAction"));
    m_showKeyAction->setCheckable(true);
    m_showKeyAction->setToolTip(tr("Show or hide the key you are typing"));
    connect(m_showKeyAction, &QAction::toggled, this, &ProvidersPage::onShowKeyToggled);
    m_showKeyButton = new QToolButton(keyBox);
    m_showKeyButton->setDefaultAction(m_showKeyAction);
    auto *keyRow = new QHBoxLayout;
    keyRow->addSpacing(20);
    keyRow->addWidget(m_keyEdit, 1);
    keyRow->addWidget(m_showKeyButton);
    m_keyHint = hintLabel(keyBox);
    m_keyHint->setObjectName(QStringLiteral("keyHint"));
    auto *keyHintRow = new QHBoxLayout;
    keyHintRow->addSpacing(20);
    keyHintRow->addWidget(m_keyHint, 1);
    m_keychainWarning = new QLabel(keyBox);
    m_keychainWarning->setObjectName(QStringLiteral("keychainWarning"));
    m_keychainWarning->setWordWrap(true);
    m_keychainWarning->setFrameShape(QFrame::StyledPanel);
    m_keychainWarning->setMargin(6);
    m_keychainWarning->hide();
    m_envRadio = new QRadioButton(tr("Read the key from an &environment variable"), keyBox);
    m_envRadio->setObjectName(QStringLiteral("envRadio"));
    connect(m_envRadio, &QRadioButton::clicked, this, &ProvidersPage::onKeySourceChosen);
    m_keyEnvEdit = new QLineEdit(keyBox);
    m_keyEnvEdit->setObjectName(QStringLiteral("apiKeyEnvEdit"));
    m_keyEnvEdit->setAccessibleName(tr("Environment variable holding the API key"));
    m_keyEnvEdit->setPlaceholderText(tr("e.g. DEEPSEEK_API_KEY"));
    connect(m_keyEnvEdit, &QLineEdit::textChanged, this, &ProvidersPage::onKeyEnvEdited);
    auto *envRow = new QHBoxLayout;
    envRow->addSpacing(20);
    envRow->addWidget(m_keyEnvEdit, 1);
    keyLayout->addWidget(m_keychainWarning);
    keyLayout->addWidget(m_keychainRadio);
    keyLayout->addLayout(keyRow);
    keyLayout->addLayout(keyHintRow);
    keyLayout->addWidget(m_envRadio);
    keyLayout->addLayout(envRow);
    form->addRow(tr("API key:"), keyBox);

    m_maxOutputTokensSpin = new QSpinBox(editor);
    m_maxOutputTokensSpin->setObjectName(QStringLiteral("maxOutputTokensSpin"));
    m_maxOutputTokensSpin->setRange(0, 10'000'000);
    m_maxOutputTokensSpin->setSingleStep(1024);
    m_maxOutputTokensSpin->setGroupSeparatorShown(true);
    m_maxOutputTokensSpin->setSpecialValueText(tr("No cap"));
    m_maxOutputTokensSpin->setToolTip(tr("Claude Code asks for up to 128000 output tokens, which most providers "
                                         "refuse; requests are capped at this. 0 sends the request's own value."));
    connect(m_maxOutputTokensSpin, &QSpinBox::valueChanged, this, &ProvidersPage::onMaxOutputTokensChanged);
    form->addRow(tr("Max output &tokens:"), m_maxOutputTokensSpin);

    m_modelsSource = hintLabel(editor);
    m_modelList = new QListWidget(editor);
    m_modelList->setObjectName(QStringLiteral("modelList"));
    m_modelList->setAccessibleName(tr("Models"));
    m_modelList->setMinimumHeight(110);
    m_modelList->setMaximumHeight(180);
    m_fetchButton = new QPushButton(tr("Fetch models"), editor);
    m_fetchButton->setObjectName(QStringLiteral("fetchModelsButton"));
    m_fetchButton->setToolTip(tr("Ask the provider which models it serves, with the key entered here"));
    connect(m_fetchButton, &QPushButton::clicked, this, [this] { probe(Probe::FetchModels); });
    m_testButton = new QPushButton(tr("Test connection"), editor);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testButton->setToolTip(tr("Check that the base URL answers and accepts the key"));
    connect(m_testButton, &QPushButton::clicked, this, [this] { probe(Probe::TestConnection); });
    m_probeResult = new QLabel(editor);
    m_probeResult->setObjectName(QStringLiteral("connectionResult"));
    m_probeResult->setWordWrap(true);
    m_probeResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_probeResult->setTextFormat(Qt::PlainText);
    auto *probeButtons = new QHBoxLayout;
    probeButtons->addWidget(m_fetchButton);
    probeButtons->addWidget(m_testButton);
    probeButtons->addStretch();
    auto *modelsBox = new QVBoxLayout;
    modelsBox->addWidget(m_modelsSource);
    modelsBox->addWidget(m_modelList);
    modelsBox->addLayout(probeButtons);
    modelsBox->addWidget(m_probeResult);
    form->addRow(tr("Models:"), modelsBox);
    return editor;
}

void ProvidersPage::reload()
{
    cancelProbe();
    const Entry *selected = current();
    const QString selectedName = selected ? selected->name : QString();

    m_entries.clear();
    m_keysToForget.clear();
    for (const QJsonValue &value : m_settings->providers()) {
        if (value.isObject())
            m_entries.append(entryFrom(value.toObject()));
    }
    m_populating = true;
    m_list->clear();
    int selectRow = m_entries.isEmpty() ? -1 : 0;
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        new QListWidgetItem(m_list);
        refreshItem(int(row));
        if (m_entries.at(row).name == selectedName)
            selectRow = int(row);
    }
    m_populating = false;
    m_dirty = false;
    m_list->setCurrentRow(selectRow);
    showEntry(selectRow);
}

ProvidersPage::Entry ProvidersPage::entryFrom(const QJsonObject &json)
{
    // The same defaults ConfigFile applies: the preset's, overridden by what the entry says.
    const ProviderPreset *preset = ProviderPresets::find(json.value(presetField).toString());
    const ProviderConfig plain;
    Entry entry;
    entry.id = m_nextId++;
    entry.stored = json;
    // Kept even when this version has no such preset, so saving does not drop it.
    entry.preset = json.value(presetField).toString();
    entry.name = json.value(nameField).toString(preset ? preset->id : QString());
    entry.baseUrl = json.value(baseUrlField).toString(preset ? preset->baseUrl : QString());
    entry.format = UpstreamApiName::parse(json.value(formatField).toString())
                       .value_or(preset ? preset->format : plain.format);
    entry.maxOutputTokens = json.value(maxOutputTokensField).toInt(preset ? preset->maxOutputTokens
                                                                             : plain.maxOutputTokens);
    entry.keyEnv = json.value(keyEnvField).toString(preset ? preset->apiKeyEnv : QString());
    const bool inKeychain = json.value(keyInKeychainField).toBool();
    entry.storedKeyName = inKeychain ? entry.name : QString();
    entry.keyFromEnvironment = !inKeychain && !entry.keyEnv.isEmpty();
    // An entry that used the keychain shows the preset's variable as the alternative.
    if (entry.keyEnv.isEmpty() && preset)
        entry.keyEnv = preset->apiKeyEnv;
    if (preset)
        entry.models = preset->models;
    return entry;
}

ProvidersPage::Entry ProvidersPage::entryFromPreset(const ProviderPreset *preset, UpstreamApi format)
{
    Entry entry;
    entry.id = m_nextId++;
    if (preset) {
        entry.preset = preset->id;
        entry.name = uniqueName(preset->id);
        entry.baseUrl = preset->baseUrl;
        entry.format = preset->format;
        entry.maxOutputTokens = preset->maxOutputTokens;
        entry.keyEnv = preset->apiKeyEnv;
        entry.models = preset->models;
    } else {
        entry.name = uniqueName(QStringLiteral("custom"));
        entry.format = format;
    }
    entry.keyFromEnvironment = !m_keychainAvailable;
    return entry;
}

QJsonObject ProvidersPage::jsonOf(const Entry &entry) const
{
    QJsonObject json = entry.stored;
    const ProviderPreset *preset = ProviderPresets::find(entry.preset);
    if (!entry.preset.isEmpty())
        json.insert(presetField, entry.preset);
    else
        json.remove(presetField);
    json.insert(nameField, entry.name);
    json.insert(baseUrlField, entry.baseUrl);
    json.insert(formatField, UpstreamApiName::of(entry.format));
    json.insert(maxOutputTokensField, entry.maxOutputTokens);
    if (entry.keyFromEnvironment) {
        json.insert(keyEnvField, entry.keyEnv);
        json.remove(keyInKeychainField);
    } else {
        // An empty variable overrides the preset's, so the proxy does not also look for it.
        if (preset && !preset->apiKeyEnv.isEmpty())
            json.insert(keyEnvField, QString());
        else
            json.remove(keyEnvField);
        if (!entry.pendingKey.isEmpty() || !entry.storedKeyName.isEmpty())
            json.insert(keyInKeychainField, true);
        else
            json.remove(keyInKeychainField);
    }
    return json;
}

ProviderConfig ProvidersPage::configOf(const Entry &entry) const
{
    QJsonObject json = jsonOf(entry);
    json.remove(keyInKeychainField);
    // The probe brings its own key; ConfigFile would otherwise read the variable itself.
    json.insert(keyEnvField, QString());
    const QJsonObject config{{QStringLiteral("providers"), QJsonArray{json}}};
    return ConfigFile::parse(QJsonDocument(config).toJson(QJsonDocument::Compact)).config.providers.value(0);
}

QString ProvidersPage::uniqueName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        return std::any_of(m_entries.cbegin(), m_entries.cend(), [&name](const Entry &entry) { return entry.name == name; });
    };
    QString name = base;
    for (int suffix = 2; taken(name); ++suffix)
        name = QStringLiteral("%1-%2").arg(base).arg(suffix);
    return name;
}

ProvidersPage::Entry *ProvidersPage::current()
{
    const int row = m_list ? m_list->currentRow() : -1;
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int ProvidersPage::rowOf(int entryId) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == entryId)
            return int(row);
    }
    return -1;
}

void ProvidersPage::addEntry(const Entry &entry)
{
    m_entries.append(entry);
    new QListWidgetItem(m_list);
    refreshItem(int(m_entries.size() - 1));
    m_list->setCurrentRow(int(m_entries.size() - 1));
    markDirty();
    // A custom provider has no address yet; a preset's is right, and its key is what is missing.
    if (entry.baseUrl.isEmpty())
        m_baseUrlEdit->setFocus();
    else if (entry.keyFromEnvironment)
        m_keyEnvEdit->setFocus();
    else
        m_keyEdit->setFocus();
}

void ProvidersPage::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_entries.size())
        return;
    cancelProbe();
    // Its key leaves the keychain on Apply, when the settings no longer refer to it.
    if (const QString keyName = m_entries.at(row).storedKeyName; !keyName.isEmpty())
        m_keysToForget << keyName;
    m_entries.removeAt(row);
    // The view moves its current row while the item goes, when the rows and entries disagree.
    m_populating = true;
    delete m_list->takeItem(row);
    m_populating = false;
    markDirty();
    showEntry(m_list->currentRow());
}

void ProvidersPage::showEntry(int row)
{
    if (m_populating)
        return;
    for (int item = 0; item < m_list->count(); ++item)
        refreshItem(item);
    cancelProbe();
    m_probeResult->clear();
    const Entry *entry = row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
    m_editor->setVisible(entry != nullptr);
    m_emptyHint->setVisible(m_entries.isEmpty());
    if (!entry) {
        refreshButtons();
        return;
    }

    m_populating = true;
    const ProviderPreset *preset = ProviderPresets::find(entry->preset);
    m_presetLabel->setText(preset ? preset->name : tr("None (custom provider)"));
    m_presetNotes->setText(preset ? preset->notes : QString());
    m_presetNotes->setVisible(preset && !preset->notes.isEmpty());
    m_nameEdit->setText(entry->name);
    m_baseUrlEdit->setText(entry->baseUrl);
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(entry->format)));
    m_maxOutputTokensSpin->setValue(entry->maxOutputTokens);
    m_showKeyAction->setChecked(false);
    m_populating = false;
    showKeySource();

    m_modelList->clear();
    m_modelList->addItems(entry->models);
    if (entry->modelsFromProvider)
        m_modelsSource->setText(tr("As listed by the provider:"));
    else if (entry->models.isEmpty())
        m_modelsSource->setText(tr("No models known yet: fetch them from the provider."));
    else
        m_modelsSource->setText(tr("The preset's models (fetch to see what the provider serves now):"));
    refreshEndpointHint();
    refreshButtons();
}

void ProvidersPage::showKeySource()
{
    const Entry *entry = current();
    if (!entry)
        return;
    m_populating = true;
    // Exclusive radio buttons can only be switched on.
    (entry->keyFromEnvironment ? m_envRadio : m_keychainRadio)->setChecked(true);
    m_keyEdit->setText(entry->pendingKey);
    m_keyEnvEdit->setText(entry->keyEnv);
    m_populating = false;
    refreshKeyHint();
}

void ProvidersPage::refreshItem(int row)
{
    QListWidgetItem *item = m_list->item(row);
    if (!item)
        return;
    const Entry &entry = m_entries.at(row);
    const ProviderPreset *preset = ProviderPresets::find(entry.preset);
    const QString origin = preset ? preset->name : tr("Custom");
    const QString name = entry.name.isEmpty() ? tr("(unnamed)") : entry.name;
    const QString subtitle = tr("%1 · %2").arg(origin, UpstreamApiName::of(entry.format));

    // A bold name over a dimmer subtitle takes two labels: a plain item draws one font and
    // colour. The item itself carries no display text, which would show through them.
    QWidget *widget = m_list->itemWidget(item);
    if (!widget) {
        widget = new QWidget;
        widget->setAttribute(Qt::WA_TransparentForMouseEvents);
        auto *layout = new QVBoxLayout(widget);
        layout->setContentsMargins(6, 4, 6, 4);
        layout->setSpacing(0);
        auto *nameLabel = new QLabel(widget);
        nameLabel->setObjectName(QStringLiteral("itemName"));
        QFont bold = nameLabel->font();
        bold.setBold(true);
        nameLabel->setFont(bold);
        auto *subtitleLabel = new QLabel(widget);
        subtitleLabel->setObjectName(QStringLiteral("itemSubtitle"));
        QFont smaller = subtitleLabel->font();
        smaller.setPointSizeF(smaller.pointSizeF() * 0.9);
        subtitleLabel->setFont(smaller);
        layout->addWidget(nameLabel);
        layout->addWidget(subtitleLabel);
        m_list->setItemWidget(item, widget);
        item->setSizeHint(widget->sizeHint());
    }
    // Selected rows are drawn in the highlight colour, so their text follows it.
    const bool selected = row == m_list->currentRow();
    auto *nameLabel = widget->findChild<QLabel *>(QStringLiteral("itemName"));
    auto *subtitleLabel = widget->findChild<QLabel *>(QStringLiteral("itemSubtitle"));
    nameLabel->setText(name);
    nameLabel->setForegroundRole(selected ? QPalette::HighlightedText : QPalette::Text);
    subtitleLabel->setText(subtitle);
    subtitleLabel->setForegroundRole(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    item->setData(Qt::UserRole, name);
    item->setData(Qt::AccessibleTextRole, QString(name + QStringLiteral(", ") + subtitle));
    item->setToolTip(tr("%1: %2, %3").arg(name, origin, entry.baseUrl));
}

void ProvidersPage::refreshKeyHint()
{
    const Entry *entry = current();
    if (!entry)
        return;
    const bool keychain = !entry->keyFromEnvironment;
    // Without a keychain only a key that is already there can stay there.
    m_keychainRadio->setEnabled(m_keychainAvailable || !entry->storedKeyName.isEmpty());
    m_keyEdit->setEnabled(keychain && m_keychainAvailable);
    m_showKeyAction->setEnabled(keychain && m_keychainAvailable);
    m_keyEnvEdit->setEnabled(!keychain);
    m_keyEdit->setPlaceholderText(entry->storedKeyName.isEmpty()
                                      ? tr("Paste the API key")
                                      : tr("Saved in the OS keychain; type a new key to replace it"));
    const ProviderPreset *preset = ProviderPresets::find(entry->preset);
    QString hint;
    if (!keychain)
        hint = tr("Keys are stored only in the OS keychain, never in a settings file.");
    else if (!entry->pendingKey.isEmpty())
        hint = tr("Will be saved in the OS keychain when you apply.");
    else if (!entry->storedKeyName.isEmpty())
        hint = tr("✓ Saved in the OS keychain.");
    else if (preset && preset->apiKeyEnv.isEmpty()) // local servers (Ollama, LM Studio)
        hint = tr("This provider usually needs no key. A key you enter is saved in the OS keychain.");
    else
        hint = tr("Saved in the OS keychain when you apply, never in a settings file.");
    m_keyHint->setText(hint);
}

void ProvidersPage::refreshEndpointHint()
{
    const Entry *entry = current();
    if (!entry)
        return;
    const QUrl url(entry->baseUrl, QUrl::StrictMode);
    const bool web = url.isValid() && !url.host().isEmpty()
                     && (url.scheme() == QLatin1StringView("http") || url.scheme() == QLatin1StringView("https"));
    if (!web) {
        m_endpointHint->setText(entry->format == UpstreamApi::Anthropic
                                    ? tr("The address Claude Code would take as ANTHROPIC_BASE_URL, without /v1/messages.")
                                    : tr("The provider's OpenAI-compatible address, usually ending in /v1."));
        return;
    }
    ProviderConfig config;
    config.baseUrl = url;
    m_endpointHint->setText(tr("Requests go to %1").arg(config.endpoint(UpstreamFormat::forApi(entry->format).messagesPath()).toString()));
}

void ProvidersPage::refreshButtons()
{
    const Entry *entry = current();
    m_addButton->setEnabled(!m_saving);
    m_removeButton->setEnabled(!m_saving && entry);
    m_list->setEnabled(!m_saving);
    m_editor->setEnabled(!m_saving);
    const bool canProbe = entry && !m_probing && !entry->baseUrl.isEmpty();
    m_fetchButton->setEnabled(canProbe);
    m_testButton->setEnabled(canProbe);
    m_applyButton->setEnabled(m_dirty && !m_saving);
    m_revertButton->setEnabled(m_dirty && !m_saving);
}

void ProvidersPage::markDirty()
{
    m_dirty = true;
    refreshButtons();
}

void ProvidersPage::onNameEdited(const QString &text)
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    entry->name = text.trimmed();
    refreshItem(m_list->currentRow());
    markDirty();
}

void ProvidersPage::onBaseUrlEdited(const QString &text)
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    entry->baseUrl = text.trimmed();
    refreshItem(m_list->currentRow());
    refreshEndpointHint();
    markDirty();
}

void ProvidersPage::onFormatChosen(int index)
{
    Entry *entry = current();
    if (m_populating || !entry || index < 0)
        return;
    entry->format = UpstreamApi(m_formatCombo->itemData(index).toInt());
    refreshItem(m_list->currentRow());
    refreshEndpointHint();
    markDirty();
}

void ProvidersPage::onMaxOutputTokensChanged(int value)
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    entry->maxOutputTokens = value;
    markDirty();
}

void ProvidersPage::onKeyEdited(const QString &text)
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    // Pasted keys often carry a line break or a space at either end; no key has them.
    entry->pendingKey = text.trimmed();
    refreshKeyHint();
    markDirty();
}

void ProvidersPage::onKeyEnvEdited(const QString &text)
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    entry->keyEnv = text.trimmed();
    markDirty();
}

void ProvidersPage::onKeySourceChosen()
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    const bool fromEnvironment = m_envRadio->isChecked();
    if (entry->keyFromEnvironment == fromEnvironment)
        return;
    entry->keyFromEnvironment = fromEnvironment;
    refreshKeyHint();
    markDirty();
    if (fromEnvironment)
        m_keyEnvEdit->setFocus();
    else
        m_keyEdit->setFocus();
}

void ProvidersPage::onShowKeyToggled(bool shown)
{
    m_keyEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    m_showKeyAction->setText(shown ? tr("Hide") : tr("Show"));
}

void ProvidersPage::probe(Probe kind)
{
    const Entry *entry = current();
    if (!entry)
        return;
    cancelProbe();
    m_probing = true;
    refreshButtons();
    m_probeResult->setPalette(palette());
    m_probeResult->setText(tr("Connecting…"));
    const int entryId = entry->id;

    // The key being edited comes first: testing it before Apply is the point of the button.
    if (entry->keyFromEnvironment) {
        if (entry->keyEnv.isEmpty()) {
            sendProbe(kind, entryId, {});
        } else if (const QString key = qEnvironmentVariable(entry->keyEnv.toLocal8Bit().constData()); !key.isEmpty()) {
            sendProbe(kind, entryId, key);
        } else {
            m_probing = false;
            refreshButtons();
            showProbeResult(false, tr("✗ The environment variable %1 is not set for CC Bridge.").arg(entry->keyEnv));
        }
    } else if (!entry->pendingKey.isEmpty() || entry->storedKeyName.isEmpty()) {
        sendProbe(kind, entryId, entry->pendingKey);
    } else {
        const int serial = m_probeSerial;
        m_secrets->read(entry->storedKeyName, this, [this, kind, entryId, serial](const SecretStore::Result &result) {
            if (serial != m_probeSerial)
                return;
            if (result.ok) {
                sendProbe(kind, entryId, result.secret);
                return;
            }
            m_probing = false;
            refreshButtons();
            showProbeResult(false, tr("✗ %1 %2").arg(result.message, SecretStore::explain(result.error)));
            if (result.error == SecretStore::Error::NoKeychain)
                keychainUnavailable();
        });
    }
}

void ProvidersPage::sendProbe(Probe kind, int entryId, const QString &key)
{
    const int row = rowOf(entryId);
    if (row < 0)
        return;
    ProviderConfig config = configOf(m_entries.at(row));
    config.apiKey = key;
    const UpstreamClient client(m_network, m_settings->connectTimeoutMs(),
                                std::min(m_settings->readTimeoutMs(), probeReadTimeoutMs));
    m_probe = new ProviderProbe(client, config, [this, kind, entryId](const ProviderProbe::Result &result) {
        finishProbe(kind, entryId, result);
    }, this);
}

void ProvidersPage::finishProbe(Probe kind, int entryId, const ProviderProbe::Result &result)
{
    m_probing = false;
    refreshButtons();
    if (!result.ok) {
        showProbeResult(false, QStringLiteral("✗ ") + result.problem);
        return;
    }
    const QStringList &models = result.models;
    if (kind == Probe::FetchModels && !models.isEmpty()) {
        const int row = rowOf(entryId);
        if (row >= 0) {
            m_entries[row].models = models;
            m_entries[row].modelsFromProvider = true;
            if (row == m_list->currentRow()) {
                m_modelList->clear();
                m_modelList->addItems(models);
                m_modelsSource->setText(tr("As listed by the provider:"));
            }
        }
    }
    if (models.isEmpty())
        showProbeResult(true, tr("✓ Connected, but the provider listed no models."));
    else if (kind == Probe::FetchModels)
        showProbeResult(true, tr("✓ Fetched %n model(s).", nullptr, int(models.size())));
    else
        showProbeResult(true, tr("✓ Connected: %n model(s)", nullptr, int(models.size())));
}

void ProvidersPage::cancelProbe()
{
    ++m_probeSerial;
    m_probing = false;
    // Deleting the probe aborts the request.
    delete m_probe.data();
}

void ProvidersPage::showProbeResult(bool ok, const QString &text)
{
    QPalette palette = m_probeResult->palette();
    palette.setColor(QPalette::WindowText, ok ? QColor(0x1e, 0x84, 0x49) : QColor(0xc0, 0x39, 0x2b));
    m_probeResult->setPalette(palette);
    m_probeResult->setText(text);
}

QString ProvidersPage::validationProblem(int *row) const
{
    QStringList names;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i);
        *row = int(i);
        if (entry.name.isEmpty())
            return tr("Every provider needs a name.");
        if (names.contains(entry.name))
            return tr("Two providers are named \"%1\"; routes and keys need unique names.").arg(entry.name);
        names << entry.name;
        const QUrl url(entry.baseUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1StringView("http") && url.scheme() != QLatin1StringView("https")))
            return tr("Provider %1: the base URL must be an http(s) address.").arg(entry.name);
        static const QRegularExpression variableName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (entry.keyFromEnvironment && !entry.keyEnv.isEmpty() && !variableName.match(entry.keyEnv).hasMatch())
            return tr("Provider %1: \"%2\" is not an environment variable name.").arg(entry.name, entry.keyEnv);
    }
    *row = -1;
    return {};
}

void ProvidersPage::apply()
{
    if (m_saving)
        return;
    int problemRow = -1;
    if (const QString problem = validationProblem(&problemRow); !problem.isEmpty()) {
        if (problemRow >= 0)
            m_list->setCurrentRow(problemRow);
        showStatus(problem, true);
        return;
    }

    m_applyMoves.clear();
    m_applyWrites.clear();
    m_applyRemovals.clear();
    m_applyWarnings.clear();
    QStringList keptNames;
    QStringList previousNames = m_keysToForget;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.storedKeyName.isEmpty())
            previousNames << entry.storedKeyName;
        if (entry.keyFromEnvironment)
            continue;
        if (!entry.pendingKey.isEmpty()) {
            m_applyWrites.append({entry.name, entry.pendingKey});
            keptNames << entry.name;
        } else if (!entry.storedKeyName.isEmpty()) {
            keptNames << entry.name;
            if (entry.storedKeyName != entry.name)
                m_applyMoves.append({entry.storedKeyName, entry.name});
        }
    }
    for (const QString &name : std::as_const(previousNames)) {
        if (!keptNames.contains(name) && !m_applyRemovals.contains(name))
            m_applyRemovals << name;
    }

    m_saving = true;
    refreshButtons();
    showStatus(tr("Saving…"), false);
    readMovedKey(0);
}

void ProvidersPage::readMovedKey(int index)
{
    // Every moved key is read before any is written, so two providers that swap names do not
    // overwrite each other's key.
    if (index >= m_applyMoves.size()) {
        writeKey(0);
        return;
    }
    const KeyMove move = m_applyMoves.at(index);
    m_secrets->read(move.from, this, [this, index, move](const SecretStore::Result &result) {
        if (!result.ok) {
            failApply(result);
            return;
        }
        m_applyWrites.append({move.to, result.secret});
        readMovedKey(index + 1);
    });
}

void ProvidersPage::writeKey(int index)
{
    if (index >= m_applyWrites.size()) {
        m_applyWrites.clear();
        storeSettings();
        return;
    }
    const KeyWrite &write = m_applyWrites.at(index);
    m_secrets->write(write.name, write.secret, this, [this, index](const SecretStore::Result &result) {
        if (!result.ok) {
            failApply(result);
            return;
        }
        writeKey(index + 1);
    });
}

void ProvidersPage::storeSettings()
{
    QJsonArray providers;
    for (const Entry &entry : std::as_const(m_entries))
        providers.append(jsonOf(entry));
    if (const auto problem = m_settings->set(Settings::Key::Providers, providers)) {
        m_saving = false;
        refreshButtons();
        showStatus(tr("The providers could not be saved: %1").arg(*problem), true);
        return;
    }
    storeStarterRoutes();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        Entry &entry = m_entries[i];
        entry.stored = providers.at(i).toObject();
        const bool keyInKeychain = !entry.keyFromEnvironment && (!entry.pendingKey.isEmpty() || !entry.storedKeyName.isEmpty());
        entry.storedKeyName = keyInKeychain ? entry.name : QString();
        entry.pendingKey.clear();
    }
    m_keysToForget.clear();
    if (current()) {
        m_populating = true;
        m_keyEdit->clear();
        m_populating = false;
        refreshKeyHint();
    }
    removeStaleKey(0);
}

void ProvidersPage::storeStarterRoutes()
{
    // Without routes the proxy refuses to start; a provider newly added from a preset brings
    // the preset's mapping, so Start works as soon as its key is saved. Routes the user has
    // are never touched.
    if (!m_settings->routes().isEmpty())
        return;
    for (const Entry &entry : std::as_const(m_entries)) {
        const bool added = entry.stored.isEmpty();
        if (const QJsonArray routes = RouteJson::presetRoutes(entry.preset, entry.name); added && !routes.isEmpty()) {
            m_settings->setRoutes(routes);
            return;
        }
    }
}

void ProvidersPage::removeStaleKey(int index)
{
    if (index >= m_applyRemovals.size()) {
        finishApply();
        return;
    }
    m_secrets->remove(m_applyRemovals.at(index), this, [this, index](const SecretStore::Result &result) {
        // The providers are saved by now: a key left behind is worth a word, not a failure.
        if (!result.ok)
            m_applyWarnings << result.message;
        removeStaleKey(index + 1);
    });
}

void ProvidersPage::finishApply()
{
    m_saving = false;
    m_dirty = false;
    refreshButtons();
    if (m_applyWarnings.isEmpty())
        showStatus(tr("Saved."), false);
    else
        showStatus(tr("Saved, but: %1").arg(m_applyWarnings.join(QLatin1Char(' '))), true);
    m_applyWarnings.clear();
    m_applyRemovals.clear();
    Q_EMIT providersChanged();
}

void ProvidersPage::failApply(const SecretStore::Result &result)
{
    // Nothing reached the settings: they still describe the keys the keychain holds.
    m_applyWrites.clear();
    m_applyMoves.clear();
    m_applyRemovals.clear();
    m_saving = false;
    refreshButtons();
    if (result.error == SecretStore::Error::NoKeychain) {
        // The explanation stays next to the key fields, where the alternative is.
        showStatus(result.message + QLatin1Char('\n')
                       + tr("Nothing was saved. Give the key through an environment variable, then apply again."),
                   true);
        keychainUnavailable();
    } else {
        showStatus(result.message + QLatin1Char('\n') + SecretStore::explain(result.error), true);
    }
}

void ProvidersPage::keychainUnavailable()
{
    // SecretStore has already retried once; a keychain that starts later is used the next time
    // the page is opened. Until then, keys that were typed cannot be kept anywhere, so they are
    // dropped and the environment variable is offered instead.
    m_keychainAvailable = false;
    m_keychainWarning->setText(SecretStore::explain(SecretStore::Error::NoKeychain));
    m_keychainWarning->show();
    bool changed = false;
    for (Entry &entry : m_entries) {
        entry.pendingKey.clear();
        if (!entry.keyFromEnvironment && entry.storedKeyName.isEmpty()) {
            entry.keyFromEnvironment = true;
            changed = true;
        }
    }
    // Not showEntry: that would also clear the result line that may be reporting this.
    showKeySource();
    if (changed)
        markDirty();
    if (m_keyEnvEdit->isEnabled())
        m_keyEnvEdit->setFocus();
}

void ProvidersPage::revert()
{
    reload();
    showStatus({}, false);
}

void ProvidersPage::showStatus(const QString &text, bool problem)
{
    QPalette palette = m_status->palette();
    if (problem)
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    else
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
    m_status->setText(text);
}
