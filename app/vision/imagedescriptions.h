#pragma once

#include <QJsonObject>
#include <QString>

// How a vision model is asked about an image, and how its description stands in for the image
// in a request for a model that cannot see it. Pure.
namespace ImageDescriptions {

bool isImage(const QJsonObject &block);

// The Messages request that asks `model` to describe `image`.
QJsonObject describeRequest(const QJsonObject &image, const QString &model);

// What takes an image's place: its description, said to be one made by `describedBy` because
// `textModel` cannot see images.
QJsonObject descriptionBlock(const QString &description, const QString &describedBy, const QString &textModel);

// The text of a Messages answer, its text blocks joined.
QString textOf(const QJsonObject &message);

} // namespace ImageDescriptions
