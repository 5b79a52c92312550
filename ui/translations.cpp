#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace {
std::unique_ptr<QTranslator> ownTranslator;
std::unique_ptr<QTranslator> qtTranslator;
}

QStringList Translations::available()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString Translations::apply(const QString &language)
{
    for (auto *translator : {&ownTranslator, &qtTranslator}) {
        if (*translator) {
            QCoreApplication::removeTranslator(translator->get());
            translator->reset();
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto own = std::make_unique<QTranslator>();
    // QTranslator tries the locale's UI languages in order (zh_Hans_CN, zh_CN, zh…).
    if (!own->load(locale, QStringLiteral("ccbridge"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return QStringLiteral("en");
    QCoreApplication::installTranslator(own.get());
    ownTranslator = std::move(own);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator = std::move(qt);
    }
    return ownTranslator->language();
}
