#pragma once

#include "config/settings.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class NumberField;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class SecretStore;

// The app's preferences: where the proxy listens, the client token, timeouts, how much
// history is kept, the language and what happens at login. Every change goes to Settings at
// once (Settings then emits `changed`), and changes made elsewhere show up here.
//
// The client token is a secret and never goes through Settings: the page shows what
// setClientToken() gives it and hands a regenerated token to the token sink, whose owner
// keeps it in the keychain.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    using TokenSink = std::function<void(const QString &token)>;

    // `secrets` keeps the web search key; without it the key cannot be entered here.
    explicit SettingsPage(Settings *settings, SecretStore *secrets = nullptr, QWidget *parent = nullptr);

    void setClientToken(const QString &token);
    QString clientToken() const { return m_token; }
    // Where Regenerate sends the new token; Regenerate is disabled until there is one.
    void setTokenSink(TokenSink sink);

    // Where the login entry goes and what it starts: Autostart's defaults unless set (tests
    // use a temporary folder).
    void setAutostartDir(const QString &dir);
    void setAutostartExecutable(const QString &executable);

    // What Export… and Import… do once a file is chosen; public so tests need no file dialog.
    void exportTo(const QString &path);
    void importFrom(const QString &path);

Q_SIGNALS:
    // A configuration file replaced the settings; its providers' keys may be missing here.
    void configurationImported();
    // A new web search key is in the keychain: the proxy must read it again.
    void webSearchKeySaved();

private:
    // A number field for `key`, written to Settings as the user sets it.
    NumberField *addNumberField(Settings::Key key, QWidget *parent);
    // A group of number fields, each with its label (its accessible name too).
    QWidget *addNumberGroup(const QString &title, const QList<QPair<Settings::Key, QString>> &fields);
    // Shows what Settings holds for `key`, or for every key when it is empty, without
    // writing anything back.
    void load(const QString &key = QString());
    void loadListenAddress();
    void loadLanguage();
    void listenChoiceChanged();
    void customAddressEdited();
    void regenerateToken();
    void startAtLoginToggled(bool on);
    QWidget *buildTransferBox();
    void showTransferResult(const QString &text, bool problem);

    QPointer<Settings> m_settings;
    QString m_token;
    TokenSink m_tokenSink;
    QString m_autostartDir;
    QString m_autostartExecutable;
    QList<NumberField *> m_numbers;

    QComboBox *m_listenChoice;
    QLineEdit *m_customAddress;
    QLabel *m_addressError;
    QWidget *m_exposedNote;
    QSpinBox *m_port;
    QLineEdit *m_tokenField;
    QPushButton *m_showToken;
    QPushButton *m_copyToken;
    QPushButton *m_regenerateToken;
    QLabel *m_tokenNote;
    QComboBox *m_language;
    QCheckBox *m_startAtLogin;
    QLabel *m_autostartError;
    QCheckBox *m_startProxyAtLaunch;
    QLabel *m_transferResult = nullptr;
};
