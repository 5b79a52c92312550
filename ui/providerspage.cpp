#include "providerspage.h"

#include "config/keychaincommit.h"
#include "config/providerpresets.h"
#include "config/settings.h"
#include "numberfield.h"
#include "protocol/upstreamformat.h"
#include "proxy/upstreamclient.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// A connection test should answer within seconds; the proxy's own read timeout is sized for
// long generations and would leave the button waiting for minutes on a silent server.
constexpr int probeReadTimeoutMs = 30'000;

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

ProvidersPage::ProvidersPage(Settings *settings, SecretStore *secrets, UpstreamConnectionPool *upstreams,
                             QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_upstreams(upstreams)
    , m_commit(new KeychainCommit(secrets, settings, this))
{
    buildUi();
    reload();
    connect(m_commit, &KeychainCommit::finished, this, &ProvidersPage::onCommitFinished);
    // Another page or a second window may change the providers; edits in progress win.
    connect(m_settings, &Settings::changed, this, [this](const QString &key) {
        if (key == Settings::keyName(Settings::Key::Providers) && !m_dirty && !m_commit->isRunning())
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
                [this, presetId] { addDraft(ProviderPresets::find(presetId), UpstreamApi::OpenAiChat); });
    }
    addMenu->addSeparator();
    QAction *customOpenAi = addMenu->addAction(tr("Custom OpenAI-compatible…"));
    customOpenAi->setObjectName(QStringLiteral("addCustomOpenAi"));
    connect(customOpenAi, &QAction::triggered, this,
            [this] { addDraft(nullptr, UpstreamApi::OpenAiChat); });
    QAction *customAnthropic = addMenu->addAction(tr("Custom Anthropic-compatible…"));
    customAnthropic->setObjectName(QStringLiteral("addCustomAnthropic"));
    connect(customAnthropic, &QAction::triggered, this,
            [this] { addDraft(nullptr, UpstreamApi::Anthropic); });
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

    m_maxOutputTokensSpin = new NumberField(ConfigKey::ProviderMaxOutputTokens, editor);
    m_maxOutputTokensSpin->setObjectName(QStringLiteral("maxOutputTokensSpin"));
    m_maxOutputTokensSpin->setSingleStep(1024);
    m_maxOutputTokensSpin->setSpecialValueText(tr("No cap"));
    m_maxOutputTokensSpin->setToolTip(tr("Claude Code asks for up to 128000 output tokens, which most providers "
                                         "refuse; requests are capped at this. 0 sends the request's own value."));
    connect(m_maxOutputTokensSpin, &NumberField::accepted, this, &ProvidersPage::onMaxOutputTokensChanged);
    form->addRow(tr("Max output &tokens:"), m_maxOutputTokensSpin);
    form->addRow(QString(), m_maxOutputTokensSpin->problemLabel());

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
    const QString selectedName = selected ? selected->draft.name : QString();

    m_entries.clear();
    m_keysToForget.clear();
    for (const QJsonValue &value : m_settings->providers()) {
        if (value.isObject())
            m_entries.append({m_nextId++, ProviderDraft::fromJson(value.toObject())});
    }
    m_populating = true;
    m_list->clear();
    int selectRow = m_entries.isEmpty() ? -1 : 0;
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        new QListWidgetItem(m_list);
        refreshItem(int(row));
        if (m_entries.at(row).draft.name == selectedName)
            selectRow = int(row);
    }
    m_populating = false;
    m_dirty = false;
    m_list->setCurrentRow(selectRow);
    showEntry(selectRow);
}

void ProvidersPage::addDraft(const ProviderPreset *preset, UpstreamApi format)
{
    const QString name = uniqueName(preset ? preset->id : QStringLiteral("custom"));
    addEntry({m_nextId++, ProviderDraft::fromPreset(preset, format, name, !m_keychainAvailable)});
}

QString ProvidersPage::uniqueName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        return std::any_of(m_entries.cbegin(), m_entries.cend(), [&name](const Entry &entry) { return entry.draft.name == name; });
    };
    QString name = base;
    for (int suffix = 2; taken(name); ++suffix)
        name = QStringLiteral("%1-%2").arg(base).arg(suffix);
    return name;
}

QList<ProviderDraft> ProvidersPage::drafts() const
{
    QList<ProviderDraft> drafts;
    for (const Entry &entry : m_entries)
        drafts << entry.draft;
    return drafts;
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
    if (entry.draft.baseUrl.isEmpty())
        m_baseUrlEdit->setFocus();
    else if (entry.draft.keyFromEnvironment)
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
    if (const QString keyName = m_entries.at(row).draft.storedKeyName; !keyName.isEmpty())
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
    const ProviderPreset *preset = ProviderPresets::find(entry->draft.preset);
    m_presetLabel->setText(preset ? preset->name : tr("None (custom provider)"));
    m_presetNotes->setText(preset ? preset->notes : QString());
    m_presetNotes->setVisible(preset && !preset->notes.isEmpty());
    m_nameEdit->setText(entry->draft.name);
    m_baseUrlEdit->setText(entry->draft.baseUrl);
    // A format this version does not know (a newer config) selects none until one is chosen;
    // Apply names it meanwhile.
    m_formatCombo->setCurrentIndex(entry->draft.unknownFormat.isEmpty() ? m_formatCombo->findData(int(entry->draft.format)) : -1);
    m_maxOutputTokensSpin->showStoredValue(entry->draft.maxOutputTokens);
    m_showKeyAction->setChecked(false);
    m_populating = false;
    showKeySource();

    m_modelList->clear();
    m_modelList->addItems(entry->draft.models);
    if (entry->draft.modelsFromProvider)
        m_modelsSource->setText(tr("As listed by the provider:"));
    else if (entry->draft.models.isEmpty())
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
    (entry->draft.keyFromEnvironment ? m_envRadio : m_keychainRadio)->setChecked(true);
    m_keyEdit->setText(entry->draft.pendingKey);
    m_keyEnvEdit->setText(entry->draft.keyEnv);
    m_populating = false;
    refreshKeyHint();
}

void ProvidersPage::refreshItem(int row)
{
    QListWidgetItem *item = m_list->item(row);
    if (!item)
        return;
    const Entry &entry = m_entries.at(row);
    const ProviderPreset *preset = ProviderPresets::find(entry.draft.preset);
    const QString origin = preset ? preset->name : tr("Custom");
    const QString name = entry.draft.name.isEmpty() ? tr("(unnamed)") : entry.draft.name;
    const QString subtitle = tr("%1 · %2").arg(origin, entry.draft.formatName());

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
    item->setToolTip(tr("%1: %2, %3").arg(name, origin, entry.draft.baseUrl));
}

void ProvidersPage::refreshKeyHint()
{
    const Entry *entry = current();
    if (!entry)
        return;
    const bool keychain = !entry->draft.keyFromEnvironment;
    // Without a keychain only a key that is already there can stay there.
    m_keychainRadio->setEnabled(m_keychainAvailable || !entry->draft.storedKeyName.isEmpty());
    m_keyEdit->setEnabled(keychain && m_keychainAvailable);
    m_showKeyAction->setEnabled(keychain && m_keychainAvailable);
    m_keyEnvEdit->setEnabled(!keychain);
    m_keyEdit->setPlaceholderText(entry->draft.storedKeyName.isEmpty()
                                      ? tr("Paste the API key")
                                      : tr("Saved in the OS keychain; type a new key to replace it"));
    const ProviderPreset *preset = ProviderPresets::find(entry->draft.preset);
    QString hint;
    if (!keychain)
        hint = tr("Keys are stored only in the OS keychain, never in a settings file.");
    else if (!entry->draft.pendingKey.isEmpty())
        hint = tr("Will be saved in the OS keychain when you apply.");
    else if (!entry->draft.storedKeyName.isEmpty())
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
    const QUrl url(entry->draft.baseUrl, QUrl::StrictMode);
    const bool web = url.isValid() && !url.host().isEmpty()
                     && (url.scheme() == QLatin1StringView("http") || url.scheme() == QLatin1StringView("https"));
    if (!web) {
        m_endpointHint->setText(entry->draft.format == UpstreamApi::Anthropic
                                    ? tr("The address Claude Code would take as ANTHROPIC_BASE_URL, without /v1/messages.")
                                    : tr("The provider's OpenAI-compatible address, usually ending in /v1."));
        return;
    }
    ProviderConfig config;
    config.baseUrl = url;
    m_endpointHint->setText(tr("Requests go to %1").arg(config.endpoint(UpstreamFormat::forApi(entry->draft.format).messagesPath()).toString()));
}

void ProvidersPage::refreshButtons()
{
    const Entry *entry = current();
    m_addButton->setEnabled(!m_commit->isRunning());
    m_removeButton->setEnabled(!m_commit->isRunning() && entry);
    m_list->setEnabled(!m_commit->isRunning());
    m_editor->setEnabled(!m_commit->isRunning());
    const bool canProbe = entry && !m_probing && !entry->draft.baseUrl.isEmpty();
    m_fetchButton->setEnabled(canProbe);
    m_testButton->setEnabled(canProbe);
    m_applyButton->setEnabled(m_dirty && !m_commit->isRunning());
    m_revertButton->setEnabled(m_dirty && !m_commit->isRunning());
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
    entry->draft.name = text.trimmed();
    refreshItem(m_list->currentRow());
    markDirty();
}

void ProvidersPage::onBaseUrlEdited(const QString &text)
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    entry->draft.baseUrl = text.trimmed();
    refreshItem(m_list->currentRow());
    refreshEndpointHint();
    markDirty();
}

void ProvidersPage::onFormatChosen(int index)
{
    Entry *entry = current();
    if (m_populating || !entry || index < 0)
        return;
    entry->draft.format = UpstreamApi(m_formatCombo->itemData(index).toInt());
    entry->draft.unknownFormat.clear();
    refreshItem(m_list->currentRow());
    refreshEndpointHint();
    markDirty();
}

void ProvidersPage::onMaxOutputTokensChanged(qint64 value)
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    entry->draft.maxOutputTokens = int(value);
    markDirty();
}

void ProvidersPage::onKeyEdited(const QString &text)
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    // Pasted keys often carry a line break or a space at either end; no key has them.
    entry->draft.pendingKey = text.trimmed();
    refreshKeyHint();
    markDirty();
}

void ProvidersPage::onKeyEnvEdited(const QString &text)
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    entry->draft.keyEnv = text.trimmed();
    markDirty();
}

void ProvidersPage::onKeySourceChosen()
{
    Entry *entry = current();
    if (m_populating || !entry)
        return;
    const bool fromEnvironment = m_envRadio->isChecked();
    if (entry->draft.keyFromEnvironment == fromEnvironment)
        return;
    entry->draft.keyFromEnvironment = fromEnvironment;
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
    if (entry->draft.keyFromEnvironment) {
        if (entry->draft.keyEnv.isEmpty()) {
            sendProbe(kind, entryId, {});
        } else if (const QString key = qEnvironmentVariable(entry->draft.keyEnv.toLocal8Bit().constData()); !key.isEmpty()) {
            sendProbe(kind, entryId, key);
        } else {
            m_probing = false;
            refreshButtons();
            showProbeResult(false, tr("✗ The environment variable %1 is not set for CC Bridge.").arg(entry->draft.keyEnv));
        }
    } else if (!entry->draft.pendingKey.isEmpty() || entry->draft.storedKeyName.isEmpty()) {
        sendProbe(kind, entryId, entry->draft.pendingKey);
    } else {
        const int serial = m_probeSerial;
        m_secrets->read(entry->draft.storedKeyName, this, [this, kind, entryId, serial](const SecretStore::Result &result) {
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
    ProviderConfig config = m_entries.at(row).draft.toConfig();
    config.apiKey = key;
    const UpstreamClient client(m_upstreams, m_settings->connectTimeoutMs(),
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
            m_entries[row].draft.models = models;
            m_entries[row].draft.modelsFromProvider = true;
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

void ProvidersPage::apply()
{
    if (m_commit->isRunning())
        return;
    int problemRow = -1;
    if (const QString problem = ProviderDraft::problemIn(drafts(), &problemRow); !problem.isEmpty()) {
        if (problemRow >= 0)
            m_list->setCurrentRow(problemRow);
        showStatus(problem, true);
        return;
    }
    m_commit->start(drafts(), m_keysToForget);
    refreshButtons();
    showStatus(tr("Saving…"), false);
}

void ProvidersPage::onCommitFinished(bool ok, const QString &message, const QStringList &warnings)
{
    refreshButtons();
    showStatus(message, !ok || !warnings.isEmpty());
    if (!ok) {
        // The explanation stays next to the key fields, where the alternative is.
        if (m_commit->error() == SecretStore::Error::NoKeychain)
            keychainUnavailable();
        return;
    }
    // The editor was disabled while the commit ran, so its drafts are still the page's, in order.
    const QList<ProviderDraft> stored = m_commit->drafts();
    for (qsizetype i = 0; i < m_entries.size() && i < stored.size(); ++i)
        m_entries[i].draft = stored.at(i);
    m_keysToForget.clear();
    m_dirty = false;
    refreshButtons();
    if (current()) {
        m_populating = true;
        m_keyEdit->clear();
        m_populating = false;
        refreshKeyHint();
    }
    Q_EMIT providersChanged();
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
        entry.draft.pendingKey.clear();
        if (!entry.draft.keyFromEnvironment && entry.draft.storedKeyName.isEmpty()) {
            entry.draft.keyFromEnvironment = true;
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
