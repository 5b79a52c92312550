#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// How images reach a model that cannot see them: each distinct image of a request (in a
// message or inside a tool result, where Claude Code's screenshots come back) is described once
// by a vision model, and the request goes on with the descriptions in the images' places,
// marked as descriptions. Pure.
namespace ImageDescriptions {

// An image block of the request and what identifies it: a hash of its data or its URL.
struct Image
{
    QByteArray hash;
    QJsonObject block;
};

// The request's distinct images, in order of appearance.
QList<Image> imagesIn(const QJsonObject &request);

// The Messages request that asks `model` to describe `image`.
QJsonObject describeRequest(const QJsonObject &image, const QString &model);

// `request` with every image replaced by its description (by hash), said to be one made by
// `describedBy` because `textModel` cannot see images.
QJsonObject withDescriptions(const QJsonObject &request, const QHash<QByteArray, QString> &descriptions,
                             const QString &describedBy, const QString &textModel);

// The text of a Messages answer, its text blocks joined.
QString textOf(const QJsonObject &message);

} // namespace ImageDescriptions
