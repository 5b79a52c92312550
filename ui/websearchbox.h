#pragma once

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;
class NumberField;
class SecretStore;
class Settings;

// Where CC Bridge runs Claude Code's web searches for providers without search of their own:
// the backend, its address, its key and how many results the model reads. Every change goes to
// Settings at once; the key goes to the keychain, never to Settings, and `keySaved` tells
// whoever runs the proxy to read it again. The number of results is a field of the settings
// page's own, which shows and writes it as it does every number.
class WebSearchBox : public QGroupBox
{
    Q_OBJECT

public:
    // Without `secrets` the key cannot be entered.
    WebSearchBox(Settings *settings, SecretStore *secrets, NumberField *maxResults, QWidget *parent = nullptr);

Q_SIGNALS:
    void keySaved();

private:
    void load();
    void backendChosen(int index);
    void saveKey();
    void showKeyState(const QString &text);

    Settings *m_settings;
    SecretStore *m_secrets;
    QComboBox *m_backend;
    QLineEdit *m_url;
    QLineEdit *m_key;
    QLabel *m_keyState;
    NumberField *m_maxResults;
};
