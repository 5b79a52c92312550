#include "wholeanswer.h"

#include <memory>

void WholeAnswer::collect(UpstreamCall *call, qsizetype maxBytes, Done done)
{
    auto answer = std::make_shared<WholeAnswer>();
    const auto end = [call, answer, done] {
        answer->status = call->status();
        call->disconnect();
        call->deleteLater(); // we are inside one of its signals
        done(*answer);
    };
    QObject::connect(call, &UpstreamCall::dataReceived, call, [answer, maxBytes, end](const QByteArray &bytes) {
        answer->body += bytes;
        if (answer->body.size() > maxBytes) {
            answer->body.truncate(maxBytes);
            answer->tooLarge = true;
            end();
        }
    });
    QObject::connect(call, &UpstreamCall::finished, call, end);
    QObject::connect(call, &UpstreamCall::failed, call,
                     [answer, end](UpstreamCall::Failure failure, const QString &message) {
                         answer->failure = failure;
                         answer->failureMessage = message;
                         end();
                     });
}
