#pragma once

#include "config/secretstore.h"
#include "proxy/providerprobe.h"

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QToolButton;
class Settings;
struct ProviderConfig;
struct ProviderPreset;

// The providers the proxy forwards to: a list on the left, an editor for the selected one on
// the right. Edits stay on the page until Apply, which stores keys in the OS keychain first
// and only then the providers in Settings, so the settings never claim a key the keychain
// does not hold. Keys go nowhere else: with no keychain the page offers an environment
// variable instead. A provider added from a preset while there are no routes brings the
// preset's routes with it.
class ProvidersPage : public QWidget
{
    Q_OBJECT

public:
    ProvidersPage(Settings *settings, SecretStore *secrets, QNetworkAccessManager *network,
                  QWidget *parent = nullptr);
    ~ProvidersPage() override;

Q_SIGNALS:
    // After Apply has stored the providers (and their keys).
    void providersChanged();

private:
    // One provider as the page edits it. Fields the editor does not show (headers, rules,
    // limits) stay in `stored` and are written back unchanged.
    struct Entry
    {
        int id = 0;
        QJsonObject stored;
        QString preset;
        QString name;
        QString baseUrl;
        UpstreamApi format = UpstreamApi::OpenAiChat;
        int maxOutputTokens = 8192;
        QString keyEnv;               // the environment variable, in environment mode
        bool keyFromEnvironment = false;
        QString storedKeyName;        // the name its key is under in the keychain; "" = none
        QString pendingKey;           // typed, not yet in the keychain
        QStringList models;
        bool modelsFromProvider = false;
    };
    enum class Probe { FetchModels, TestConnection };

    void buildUi();
    QWidget *buildEditor();
    void reload();
    Entry entryFrom(const QJsonObject &json);
    Entry entryFromPreset(const ProviderPreset *preset, UpstreamApi format);
    QJsonObject jsonOf(const Entry &entry) const;
    // The entry resolved as the proxy would see it (preset headers included, no key).
    ProviderConfig configOf(const Entry &entry) const;
    QString uniqueName(const QString &base) const;

    Entry *current();
    int rowOf(int entryId) const;
    void addEntry(const Entry &entry);
    void removeCurrent();
    void showEntry(int row);
    void showKeySource();
    void refreshItem(int row);
    void refreshKeyHint();
    void refreshEndpointHint();
    void refreshButtons();
    void markDirty();

    void onNameEdited(const QString &text);
    void onBaseUrlEdited(const QString &text);
    void onFormatChosen(int index);
    void onMaxOutputTokensChanged(int value);
    void onKeyEdited(const QString &text);
    void onKeyEnvEdited(const QString &text);
    void onKeySourceChosen();
    void onShowKeyToggled(bool shown);

    // Fetch models and Test connection: the same GET of the provider's model list.
    void probe(Probe kind);
    void sendProbe(Probe kind, int entryId, const QString &key);
    void finishProbe(Probe kind, int entryId, const ProviderProbe::Result &result);
    void cancelProbe();
    void showProbeResult(bool ok, const QString &text);

    // Apply, one asynchronous keychain step at a time: read the keys that move to a new name,
    // write the new ones, store the settings, then remove keys nothing uses any more.
    QString validationProblem(int *row) const;
    void apply();
    void readMovedKey(int index);
    void writeKey(int index);
    void storeSettings();
    void storeStarterRoutes();
    void removeStaleKey(int index);
    void finishApply();
    void failApply(const SecretStore::Result &result);
    void keychainUnavailable();
    void revert();
    void showStatus(const QString &text, bool problem);

    Settings *m_settings;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_network;

    QList<Entry> m_entries;
    int m_nextId = 1;
    bool m_dirty = false;
    bool m_saving = false;
    bool m_populating = false;
    bool m_keychainAvailable = true;
    QStringList m_keysToForget; // keychain names of removed providers, until the next Apply

    // The apply in progress.
    struct KeyMove
    {
        QString from;
        QString to;
    };
    struct KeyWrite
    {
        QString name;
        QString secret;
    };
    QList<KeyMove> m_applyMoves;
    QList<KeyWrite> m_applyWrites;
    QStringList m_applyRemovals;
    QStringList m_applyWarnings;

    QPointer<ProviderProbe> m_probe;
    int m_probeSerial = 0; // a newer probe or another selection makes older answers stale
    bool m_probing = false;

    QListWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QWidget *m_editor = nullptr; // the scroll area around the form
    QLabel *m_emptyHint = nullptr;
    QLabel *m_presetLabel = nullptr;
    QLabel *m_presetNotes = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_baseUrlEdit = nullptr;
    QLabel *m_endpointHint = nullptr;
    QComboBox *m_formatCombo = nullptr;
    QRadioButton *m_keychainRadio = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QAction *m_showKeyAction = nullptr;
    QToolButton *m_showKeyButton = nullptr;
    QLabel *m_keyHint = nullptr;
    QLabel *m_keychainWarning = nullptr;
    QRadioButton *m_envRadio = nullptr;
    QLineEdit *m_keyEnvEdit = nullptr;
    QSpinBox *m_maxOutputTokensSpin = nullptr;
    QListWidget *m_modelList = nullptr;
    QLabel *m_modelsSource = nullptr;
    QPushButton *m_fetchButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_probeResult = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_revertButton = nullptr;
};
