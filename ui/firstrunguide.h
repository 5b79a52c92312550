#pragma once

#include <QPointer>
#include <QWidget>

class ProviderProbe;
class ProxyController;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class SecretStore;
class Settings;
class UpstreamConnectionPool;
struct ProviderPreset;

// The first start, inside the window: pick a provider, paste its key, test it, start the
// proxy, then give Claude Code its environment. What it saves is what the Providers page would
// save (the key in the keychain, the provider and its preset's routes in the configuration),
// so the normal window shows it afterwards. Skip leaves at any step. Every step works with the
// keyboard alone: Enter moves on, and each step puts the focus where typing starts.
class FirstRunGuide : public QWidget
{
    Q_OBJECT

public:
    FirstRunGuide(Settings *settings, SecretStore *secrets, ProxyController *proxy, UpstreamConnectionPool *upstreams,
                  QWidget *parent = nullptr);

    // Whether a configuration is empty enough to greet its user with the guide.
    static bool isWanted(const Settings &settings);

    // The Claude Code settings file the last step may change; the user's own unless set.
    void setClaudeSettingsPath(const QString &path) { m_claudeSettingsPath = path; }

Q_SIGNALS:
    // Done or skipped: the normal window takes over.
    void finished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    enum Step { ChooseProvider, EnterKey, StartProxy, ConnectClaudeCode };

    QWidget *buildChooseStep();
    QWidget *buildKeyStep();
    QWidget *buildStartStep();
    QWidget *buildConnectStep();
    void showStep(int step);
    void next();
    void back();

    const ProviderPreset *chosenPreset() const;
    bool needsKey() const;
    void testKey();
    void saveProvider();
    void storeProvider(bool keyInKeychain);
    void startProxy();
    void proxyStateChanged();
    void copyEnvironment();
    void applyToClaudeSettings();
    void showResult(QLabel *label, const QString &text, bool ok);

    Settings *m_settings;
    SecretStore *m_secrets;
    ProxyController *m_proxy;
    UpstreamConnectionPool *m_upstreams;
    QString m_claudeSettingsPath;
    QPointer<ProviderProbe> m_probe;
    bool m_saving = false;

    QStackedWidget *m_steps;
    QListWidget *m_presets = nullptr;
    QLabel *m_keyTitle = nullptr;
    QLabel *m_keyNote = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_keyResult = nullptr;
    QLabel *m_startNote = nullptr;
    QPushButton *m_start = nullptr;
    QLabel *m_startResult = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_applySettings = nullptr;
    QLabel *m_connectResult = nullptr;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_skip;
};
