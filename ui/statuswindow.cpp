#include "statuswindow.h"

#include <QLabel>
#include <QVBoxLayout>

StatusWindow::StatusWindow(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setWindowTitle(tr("CC Bridge"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_hint);
    layout->addStretch();
    resize(520, 160);
}

void StatusWindow::showListening(const QString &baseUrl)
{
    m_status->setText(tr("The proxy is running on %1").arg(baseUrl));
    m_hint->setText(tr("Point Claude Code at it with:\nexport ANTHROPIC_BASE_URL=%1").arg(baseUrl));
}

void StatusWindow::showError(const QString &message)
{
    m_status->setText(tr("The proxy is not running: %1").arg(message));
    m_hint->clear();
}
