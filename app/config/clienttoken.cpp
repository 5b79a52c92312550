#include "clienttoken.h"

#include <QRandomGenerator>

QString ClientToken::generate()
{
    static const QLatin1StringView alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    QString token;
    token.reserve(32);
    for (int i = 0; i < 32; ++i)
        token += QChar(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    return token;
}
