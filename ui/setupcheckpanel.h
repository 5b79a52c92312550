#pragma once

#include "proxy/setupdoctor.h"

#include <QGroupBox>
#include <QList>

class QLabel;
class QPushButton;
class QTreeWidget;

// The window's "Check Setup": the checks `ccbridge doctor` runs, from Claude Code to the
// providers, each finding listed with the fix under a problem. Whoever owns the proxy runs
// them (checkRequested) and hands the findings back.
class SetupCheckPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit SetupCheckPanel(QWidget *parent = nullptr);

public Q_SLOTS:
    void showFindings(const QList<SetupDoctor::Finding> &findings);

Q_SIGNALS:
    void checkRequested();

private:
    QLabel *m_status;
    QPushButton *m_check;
    QTreeWidget *m_findings;
};
