#include "routetargetedit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

#include <algorithm>

RouteTargetEdit::RouteTargetEdit(const QString &providerName, const QString &modelName, QWidget *parent)
    : QWidget(parent)
    , m_providerCombo(new QComboBox(this))
    , m_modelCombo(new QComboBox(this))
{
    m_providerCombo->setObjectName(QStringLiteral("provider"));
    m_providerCombo->setAccessibleName(providerName);
    m_modelCombo->setObjectName(QStringLiteral("model"));
    m_modelCombo->setAccessibleName(modelName);
    m_modelCombo->setEditable(true);
    // A typed name is this route's; it does not join the provider's list of models.
    m_modelCombo->setInsertPolicy(QComboBox::NoInsert);
    m_modelCombo->lineEdit()->setAccessibleName(modelName);
    m_modelCombo->lineEdit()->setPlaceholderText(tr("Model name"));
    m_modelCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelCombo->setMinimumContentsLength(16);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_providerCombo);
    layout->addWidget(m_modelCombo, 1);
    setFocusProxy(m_providerCombo);

    connect(m_providerCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_populating)
            onProviderChosen();
    });
    connect(m_modelCombo, &QComboBox::editTextChanged, this, [this] {
        if (!m_populating)
            Q_EMIT edited();
    });
}

void RouteTargetEdit::setChoices(const QList<Choice> &choices)
{
    m_choices = choices;
    setTarget(provider(), model());
}

void RouteTargetEdit::setTarget(const QString &provider, const QString &model)
{
    m_populating = true;
    m_providerCombo->clear();
    for (const Choice &choice : std::as_const(m_choices))
        m_providerCombo->addItem(choice.provider, choice.provider);
    int index = m_providerCombo->findData(provider);
    if (index < 0 && !provider.isEmpty()) {
        // Shown as it is, so a route to a removed provider is visible and can be changed.
        m_providerCombo->addItem(tr("%1 (not configured)").arg(provider), provider);
        index = m_providerCombo->count() - 1;
    }
    m_providerCombo->setCurrentIndex(index);
    fillModels(model);
    m_populating = false;
}

QString RouteTargetEdit::provider() const
{
    return m_providerCombo->currentData().toString();
}

QString RouteTargetEdit::model() const
{
    return m_modelCombo->currentText().trimmed();
}

void RouteTargetEdit::onProviderChosen()
{
    // Another provider rarely serves the same model name: its first model is the better guess,
    // unless it lists none (then the typed name stays).
    const QStringList models = modelsOf(provider());
    const QString current = model();
    m_populating = true;
    fillModels(models.isEmpty() || models.contains(current) ? current : models.constFirst());
    m_populating = false;
    Q_EMIT edited();
}

void RouteTargetEdit::fillModels(const QString &model)
{
    m_modelCombo->clear();
    m_modelCombo->addItems(modelsOf(provider()));
    m_modelCombo->setCurrentIndex(m_modelCombo->findText(model));
    m_modelCombo->setEditText(model);
}

QStringList RouteTargetEdit::modelsOf(const QString &provider) const
{
    const auto choice = std::find_if(m_choices.cbegin(), m_choices.cend(),
                                     [&provider](const Choice &c) { return c.provider == provider; });
    return choice != m_choices.cend() ? choice->models : QStringList();
}
