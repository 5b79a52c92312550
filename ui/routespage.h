#pragma once

#include "config/keychaintransaction.h"

#include "config/proxyconfig.h"
#include "routetargetedit.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class NumberField;
class Settings;
class UpstreamConnectionPool;

// Which provider and model answer each Claude model: the default routes and the profiles'
// (reached under /p/<name>), in the order the proxy tries them. A summary in words says where
// Opus, Sonnet and Haiku requests go, and problems are listed as the routes are edited. Edits
// stay on the page until Apply, which is refused while a problem is listed.
class RoutesPage : public QWidget
{
    Q_OBJECT

public:
    // `upstreams` fetches each provider's model list for the model fields; without it they
    // offer the presets' models.
    RoutesPage(Settings *settings, SecretStore *secrets, UpstreamConnectionPool *upstreams = nullptr,
               QWidget *parent = nullptr);
    ~RoutesPage() override;

Q_SIGNALS:
    // After Apply has stored the routes and profiles.
    void routesChanged();

private:
    // A profile as edited, with the name it is stored under so a rename can follow the
    // active profile and move its token in the keychain.
    struct ProfileEntry
    {
        Profile profile;
        QString storedName;
        bool storedTokenInKeychain = false;
        QString pendingToken; // made on this page, written to the keychain at Apply
    };

    void buildUi();
    QWidget *buildScopePane();
    QWidget *buildRoutePane();
    QWidget *buildRouteEditor();
    void reload();
    void reloadProviders();
    // Asks `provider` for its models (its key from the keychain or its variable) and offers them.
    void fetchModels(const ProviderConfig &provider);
    void offerModels(const QString &provider, const QStringList &models);
    void newProfileToken();
    void copyProfileToken();
    void dropProfileToken();
    void refreshTokenState();
    // Stores the routes and profiles; nullopt when stored, else why not.
    std::optional<QString> storeRoutes();
    void applied(bool ok, SecretStore::Error error, const QString &message, const QStringList &warnings);

    QList<ModelRoute> &routesInScope();
    ProfileEntry *currentProfile();
    ModelRoute *currentRoute();
    RouteTarget *currentFallback();
    QString uniqueProfileName() const;

    void showScope(int row);
    void showRoute(int row);
    void showFallback(int row);
    void refreshScopeItem(int row);
    void refreshRouteItem(int row);
    void refreshFallbackItem(int row);
    void refreshReview();
    void refreshButtons();
    void edited();

    void addProfile();
    void removeProfile();
    void addRoute();
    void removeRoute();
    void moveRoute(int delta);
    void addFallback();
    void removeFallback();
    void moveFallback(int delta);

    void onProfileNameEdited(const QString &text);
    void onPatternChosen(int index);
    void onCustomPatternEdited(const QString &text);
    void onScenarioChosen(int index);
    void onTargetEdited();
    void onMaxOutputTokensChanged(qint64 value);
    void onImagesChosen(int index);
    void onFallbackEdited();

    void apply();
    void revert();
    void showStatus(const QString &text, bool problem);

    Settings *m_settings;
    QList<ModelRoute> m_routes; // the default routes
    QList<ProfileEntry> m_profiles;
    QList<RouteTargetEdit::Choice> m_providerChoices;
    QStringList m_problems; // what keeps the edits from being applied
    bool m_dirty = false;
    bool m_populating = false;
    bool m_applying = false;
    SecretStore *m_secrets;
    UpstreamConnectionPool *m_upstreams;
    KeychainTransaction *m_transaction;
    QStringList m_tokensToForget; // keychain names of removed profiles' tokens, until Apply

    QLabel *m_summary = nullptr;
    QListWidget *m_scopeList = nullptr;
    QPushButton *m_addProfileButton = nullptr;
    QPushButton *m_removeProfileButton = nullptr;
    QWidget *m_profileBox = nullptr;
    QLineEdit *m_profileNameEdit = nullptr;
    QLabel *m_profilePath = nullptr;
    QLineEdit *m_clientTokenEnvEdit = nullptr;
    QLabel *m_tokenState = nullptr;
    QPushButton *m_newTokenButton = nullptr;
    QPushButton *m_copyTokenButton = nullptr;
    QPushButton *m_dropTokenButton = nullptr;
    QCheckBox *m_passClientKeyCheck = nullptr;
    QLabel *m_routesTitle = nullptr;
    QListWidget *m_routeList = nullptr;
    QPushButton *m_addRouteButton = nullptr;
    QPushButton *m_removeRouteButton = nullptr;
    QPushButton *m_routeUpButton = nullptr;
    QPushButton *m_routeDownButton = nullptr;
    QWidget *m_routeEditor = nullptr;
    QComboBox *m_patternCombo = nullptr;
    QLineEdit *m_customPatternEdit = nullptr;
    QComboBox *m_scenarioCombo = nullptr;
    RouteTargetEdit *m_target = nullptr;
    NumberField *m_maxOutputTokensSpin = nullptr;
    QComboBox *m_imagesCombo = nullptr; // as the preset says, sees images, sees none
    QListWidget *m_fallbackList = nullptr;
    QPushButton *m_addFallbackButton = nullptr;
    QPushButton *m_removeFallbackButton = nullptr;
    QPushButton *m_fallbackUpButton = nullptr;
    QPushButton *m_fallbackDownButton = nullptr;
    RouteTargetEdit *m_fallbackTarget = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_revertButton = nullptr;
    QPushButton *m_applyButton = nullptr;
};
