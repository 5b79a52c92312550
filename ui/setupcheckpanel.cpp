#include "setupcheckpanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

SetupCheckPanel::SetupCheckPanel(QWidget *parent)
    : QGroupBox(tr("Setup Check"), parent)
    , m_status(new QLabel(tr("Checks Claude Code, the variables that point it somewhere, CC Bridge and each provider "
                             "with its key and models, as ccbridge doctor does in a terminal."),
                          this))
    , m_check(new QPushButton(tr("Check Setup"), this))
    , m_findings(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("setupCheck"));
    m_status->setObjectName(QStringLiteral("setupCheckStatus"));
    m_status->setWordWrap(true);
    m_check->setObjectName(QStringLiteral("checkSetup"));
    m_check->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_findings->setObjectName(QStringLiteral("setupFindings"));
    m_findings->setAccessibleName(tr("Setup findings"));
    m_findings->setHeaderHidden(true);
    m_findings->setColumnCount(1);
    m_findings->setWordWrap(true);
    m_findings->setMinimumHeight(m_findings->fontMetrics().height() * 6);
    m_findings->hide();
    connect(m_check, &QPushButton::clicked, this, [this] {
        m_check->setEnabled(false);
        m_status->setText(tr("Checking…"));
        Q_EMIT checkRequested();
    });

    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    row->addWidget(m_check, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_findings);
}

void SetupCheckPanel::showFindings(const QList<SetupDoctor::Finding> &findings)
{
    m_findings->clear();
    qsizetype problems = 0;
    for (const SetupDoctor::Finding &finding : findings) {
        auto *item = new QTreeWidgetItem(m_findings, {finding.text});
        item->setIcon(0, style()->standardIcon(finding.ok ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning));
        // Assistive technology reads the text, not the icon.
        item->setData(0, Qt::AccessibleTextRole, (finding.ok ? tr("OK: %1") : tr("Problem: %1")).arg(finding.text));
        if (finding.ok)
            continue;
        ++problems;
        new QTreeWidgetItem(item, {tr("Fix: %1").arg(finding.fix)});
        item->setExpanded(true);
    }
    m_findings->setVisible(!findings.isEmpty());
    m_status->setText(problems == 0 ? tr("Everything is set up.") : tr("Problems found: %1.").arg(problems));
    m_check->setEnabled(true);
}
