// Switching the language: the shipped translations load, and widgets built afterwards show
// translated text; the system language is followed when none is chosen.
#include "claudecodepage.h"
#include "requestlogmodel.h"
#include "translations.h"
#include "monitor/requestlog.h"

#include <QPushButton>
#include <QTest>

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Translations::apply(QStringLiteral("en")); }

    void switchesLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("time");
        QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("Zeit");
        QTest::newRow("Chinese") << QStringLiteral("zh_CN") << QStringLiteral("时间");
    }

    void switchesLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, time);
        QCOMPARE(Translations::apply(language), language == QLatin1StringView("de") ? QStringLiteral("de_DE") : QStringLiteral("zh_CN"));

        RequestLog log;
        RequestLogModel model(&log);
        QCOMPARE(model.headerData(RequestLogModel::Time, Qt::Horizontal).toString(), time);

        // A page built after the switch shows its buttons in the new language.
        const QString checkAgain = QCoreApplication::translate("ClaudeCodePage", "Check Again");
        QVERIFY(checkAgain != QLatin1StringView("Check Again"));
        ClaudeCodePage page;
        QStringList buttonTexts;
        for (const QPushButton *button : page.findChildren<QPushButton *>())
            buttonTexts << button->text();
        QVERIFY2(buttonTexts.contains(checkAgain), qPrintable(buttonTexts.join(QLatin1StringView(" | "))));

        Translations::apply(QStringLiteral("en"));
        QCOMPARE(model.headerData(RequestLogModel::Time, Qt::Horizontal).toString(), QStringLiteral("Time"));
    }

    void everyShippedLanguageIsComplete()
    {
        for (const QString &language : Translations::available()) {
            if (language == QLatin1StringView("en"))
                continue;
            QVERIFY(Translations::apply(language) != QLatin1StringView("en"));
            QVERIFY(QCoreApplication::translate("MainWindow", "Requests") != QLatin1StringView("Requests"));
            QVERIFY(QCoreApplication::translate("TrayController", "Start proxy") != QLatin1StringView("Start proxy"));
        }
    }

    void followsTheSystemLanguage()
    {
        // The test runs with LANG=C.UTF-8: no translation matches, English stays.
        QCOMPARE(Translations::apply(QString()), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "Requests"), QStringLiteral("Requests"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
