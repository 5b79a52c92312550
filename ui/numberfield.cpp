#include "numberfield.h"

#include <QLabel>

#include <algorithm>
#include <limits>

NumberField::NumberField(ConfigKey key, QWidget *parent)
    : QSpinBox(parent)
    , m_key(key)
    , m_problem(new QLabel(parent))
{
    const ConfigField &field = ConfigSchema::field(key);
    const qint64 fallback = qint64(field.defaultValue.toDouble());
    // Whole seconds and KiB where the bounds allow them: what anyone would set.
    if (field.unit == ConfigField::Unit::Milliseconds && field.minimum % 1000 == 0 && fallback % 1000 == 0)
        m_scale = 1000;
    else if (field.unit == ConfigField::Unit::Bytes && field.minimum % 1024 == 0 && fallback % 1024 == 0)
        m_scale = 1024;
    setObjectName(QString(field.path).replace(QStringLiteral("[]"), QString()));
    setToolTip(field.helpText());
    setSuffix(m_scale == 1000                                     ? tr(" s")
              : m_scale == 1024                                   ? tr(" KiB")
              : field.unit == ConfigField::Unit::Milliseconds     ? tr(" ms")
              : field.unit == ConfigField::Unit::Days             ? tr(" days")
              : field.unit == ConfigField::Unit::Tokens           ? tr(" tokens")
                                                                  : QString());
    setGroupSeparatorShown(field.maximum >= 100'000);
    // Wider than the field's bounds, so that a value beyond them is refused with a message
    // instead of the keystroke silently not appearing.
    setRange(0, int(std::min<qint64>(std::numeric_limits<int>::max(), field.maximum * 10 / m_scale)));
    // Numbers of a few digits: a field as wide as the page would only look like a text box.
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    // Taken when the user is done (Enter, focus leaves, arrows), not per digit typed.
    setKeyboardTracking(false);
    m_problem->setObjectName(objectName() + QStringLiteral(".problem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    connect(this, &QSpinBox::valueChanged, this, &NumberField::edited);
}

void NumberField::showStoredValue(qint64 stored)
{
    m_accepted = stored;
    const QSignalBlocker blocker(this);
    setValue(int(stored / m_scale));
    m_problem->hide();
}

void NumberField::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
}

void NumberField::edited(int shown)
{
    const ConfigField &field = ConfigSchema::field(m_key);
    const qint64 stored = qint64(shown) * m_scale;
    if (stored < field.minimum || stored > field.maximum) {
        showProblem(tr("%1 is not allowed here: it must be between %2 and %3%4. The value stays %5.")
                        .arg(shown)
                        .arg(field.minimum / m_scale)
                        .arg(field.maximum / m_scale)
                        .arg(suffix())
                        .arg(textFromValue(int(m_accepted / m_scale))));
        // The field shows what is in effect, the message what was refused.
        const QSignalBlocker blocker(this);
        setValue(int(m_accepted / m_scale));
        return;
    }
    m_accepted = stored;
    m_problem->hide();
    Q_EMIT accepted(stored);
}
