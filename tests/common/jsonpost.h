#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QUrl>

class QNetworkAccessManager;

// A JSON body POSTed as a client sends it, and the whole answer once it has come (or what came
// in 10 s, with a warning).
namespace JsonPost {
struct Answer
{
    int status = 0;
    QByteArray body;

    QJsonObject json() const;
};

Answer send(QNetworkAccessManager &network, const QUrl &url, const QJsonObject &body);
}
