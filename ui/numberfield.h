#pragma once

#include "config/configschema.h"

#include <QSpinBox>

class QLabel;

// A spin box for one number of the configuration's field table: its bounds, unit and help text
// come from the table, and it shows seconds or KiB where the bounds allow. A value beyond the
// bounds is refused with a message in problemLabel() (placed by the page, under the field)
// instead of being clamped in silence, and the stored value stays as it was.
class NumberField : public QSpinBox
{
    Q_OBJECT

public:
    NumberField(ConfigKey key, QWidget *parent);

    ConfigKey key() const { return m_key; }
    // The value in the table's unit (milliseconds, bytes, ...).
    qint64 storedValue() const { return qint64(value()) * m_scale; }
    // Shows `stored` without reporting it as the user's, and clears a shown problem.
    void showStoredValue(qint64 stored);
    QLabel *problemLabel() const { return m_problem; }
    // A problem found beyond the bounds (the setting could not be written, say).
    void showProblem(const QString &text);

Q_SIGNALS:
    // The user set a value within the bounds, in the table's unit.
    void accepted(qint64 stored);

private:
    void edited(int shown);

    ConfigKey m_key;
    int m_scale = 1;
    qint64 m_accepted = 0; // what the field went back to after a refused value
    QLabel *m_problem;
};
