#pragma once

#include <QWidget>

class QLabel;

// The placeholder desktop window until the full window lands: it says where the proxy
// listens and how to point Claude Code at it.
class StatusWindow : public QWidget
{
    Q_OBJECT

public:
    explicit StatusWindow(QWidget *parent = nullptr);

    void showListening(const QString &baseUrl);
    void showError(const QString &message);

private:
    QLabel *m_status;
    QLabel *m_hint;
};
