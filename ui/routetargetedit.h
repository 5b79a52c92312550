#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QComboBox;

// Where a route sends its requests: one of the configured providers and a model name, offered
// from the models the provider lists (or its preset's until the list is in) but free to type
// (providers add models faster than presets). Routes and their fallbacks both use it.
class RouteTargetEdit : public QWidget
{
    Q_OBJECT

public:
    struct Choice
    {
        QString provider;
        QStringList models;
    };

    // The two names say which target this is to assistive technology ("Fallback provider").
    RouteTargetEdit(const QString &providerName, const QString &modelName, QWidget *parent = nullptr);

    void setChoices(const QList<Choice> &choices);
    void setTarget(const QString &provider, const QString &model);
    QString provider() const;
    QString model() const;
    QComboBox *providerCombo() const { return m_providerCombo; }
    QComboBox *modelCombo() const { return m_modelCombo; }

Q_SIGNALS:
    // The user picked another provider or changed the model.
    void edited();

private:
    void onProviderChosen();
    void fillModels(const QString &model);
    QStringList modelsOf(const QString &provider) const;

    QList<Choice> m_choices;
    QComboBox *m_providerCombo;
    QComboBox *m_modelCombo;
    bool m_populating = false;
};
