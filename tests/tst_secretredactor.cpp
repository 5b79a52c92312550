#include "config/secretredactor.h"

#include <QTest>

namespace {
const QString hidden = QStringLiteral("[redacted]");
}

class TestSecretRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configuredSecrets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("alone") << QStringLiteral("hunter2-local-token") << hidden;
        QTest::newRow("in a sentence") << QStringLiteral("token hunter2-local-token was refused")
                                       << QStringLiteral("token [redacted] was refused");
        QTest::newRow("twice") << QStringLiteral("hunter2-local-token/hunter2-local-token")
                               << QStringLiteral("[redacted]/[redacted]");
        // The whole token goes: what is glued to a key may be more of it.
        QTest::newRow("glued after") << QStringLiteral("key=hunter2-local-tokenXYZ") << QStringLiteral("key=[redacted]");
        QTest::newRow("glued before") << QStringLiteral("(Xhunter2-local-token)") << QStringLiteral("([redacted])");
        QTest::newRow("percent-encoded") << QStringLiteral("?key%3Dhunter2-local-token&x=1")
                                         << QStringLiteral("?key%[redacted]&x=1");
        QTest::newRow("in JSON") << QStringLiteral("{\"x-api-key\":\"hunter2-local-token\"}")
                                 << QStringLiteral("{\"x-api-key\":\"[redacted]\"}");
        QTest::newRow("in a URL") << QStringLiteral("https://host/v1?key=AIzaLocal.Key+1&x=1")
                                  << QStringLiteral("https://host/v1?key=[redacted]&x=1");
        QTest::newRow("both secrets") << QStringLiteral("hunter2-local-token and AIzaLocal.Key+1")
                                      << QStringLiteral("[redacted] and [redacted]");
        QTest::newRow("nothing to hide") << QStringLiteral("connection refused") << QStringLiteral("connection refused");
        QTest::newRow("case differs: not the secret")
            << QStringLiteral("HUNTER2-LOCAL-TOKEN") << QStringLiteral("HUNTER2-LOCAL-TOKEN");
    }

    void configuredSecrets()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        // The second secret holds regular-expression characters: they must be taken literally.
        const SecretRedactor redactor({QStringLiteral("hunter2-local-token"), QStringLiteral("AIzaLocal.Key+1")});
        QCOMPARE(redactor.redact(text), expected);
    }

    void whichValuesAreSecretLike_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("secretLike");
        // Unset variables, placeholders and the dummy keys local servers are given.
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("one letter") << QStringLiteral("k") << false;
        QTest::newRow("ollama") << QStringLiteral("ollama") << false;
        QTest::newRow("lm-studio") << QStringLiteral("lm-studio") << false;
        QTest::newRow("vLLM's EMPTY") << QStringLiteral("EMPTY") << false;
        QTest::newRow("short password") << QStringLiteral("letmein42") << false;
        QTest::newRow("11 mixed characters") << QStringLiteral("Ab12Cd34Ef5") << false;
        QTest::newRow("long placeholder, one case") << QStringLiteral("not-needed-for-local-servers") << false;
        QTest::newRow("upper-case placeholder") << QStringLiteral("YOUR_API_KEY_HERE") << false;
        // Real keys, and tokens people make for themselves.
        QTest::newRow("12 mixed characters") << QStringLiteral("Ab12Cd34Ef56") << true;
        QTest::newRow("local token") << QStringLiteral("hunter2-local-token") << true;
        QTest::newRow("hex key") << QStringLiteral("sk-0123456789abcdef0123456789abcdef") << true;
        QTest::newRow("mixed-case key") << QStringLiteral("AIzaSyLocalKeyWithoutDigitsInIt") << true;
        QTest::newRow("upper case and digits") << QStringLiteral("AKIA0123456789ABCDEF") << true;
    }

    void whichValuesAreSecretLike()
    {
        QFETCH(QString, value);
        QFETCH(bool, secretLike);
        QCOMPARE(SecretRedactor::isSecretLike(value), secretLike);
    }

    // Values that are not secret-like must not garble the messages they happen to occur in.
    void valuesThatAreNotSecretLikeLeaveTextAlone_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("text");
        // An unset variable yields an empty secret; replacing "" would shred every message.
        QTest::newRow("empty") << QString() << QStringLiteral("hello world");
        QTest::newRow("k") << QStringLiteral("k")
                           << QStringLiteral("This model's maximum context length is 131072 tokens. Please reduce the length.");
        QTest::newRow("ollama") << QStringLiteral("ollama") << QStringLiteral("ollama: model \"qwen3\" not found, try pulling it first");
        QTest::newRow("lm-studio") << QStringLiteral("lm-studio") << QStringLiteral("Upstream lm-studio: connection refused");
        QTest::newRow("EMPTY") << QStringLiteral("EMPTY") << QStringLiteral("EMPTY response from vLLM");
    }

    void valuesThatAreNotSecretLikeLeaveTextAlone()
    {
        QFETCH(QString, secret);
        QFETCH(QString, text);
        QCOMPARE(SecretRedactor({secret}).redact(text), text);
    }

    // Secrets where one contains another: no part of the longer one may survive.
    void overlappingSecrets_data()
    {
        QTest::addColumn<QStringList>("secrets");
        QTest::newRow("shorter first") << QStringList({QStringLiteral("Ab12Cd34Ef56"), QStringLiteral("Ab12Cd34Ef56.and+the-rest")});
        QTest::newRow("longer first") << QStringList({QStringLiteral("Ab12Cd34Ef56.and+the-rest"), QStringLiteral("Ab12Cd34Ef56")});
        QTest::newRow("inside") << QStringList({QStringLiteral("and+the-rest"), QStringLiteral("Ab12Cd34Ef56.and+the-rest")});
    }

    void overlappingSecrets()
    {
        QFETCH(QStringList, secrets);
        const SecretRedactor redactor(secrets);
        const QString redacted = redactor.redact(QStringLiteral("key: Ab12Cd34Ef56.and+the-rest."));
        QVERIFY2(!redacted.contains(QLatin1StringView("rest")) && !redacted.contains(QLatin1StringView("Ab12")),
                 qPrintable(redacted));
        QCOMPARE(redacted, QStringLiteral("key: [redacted]."));
    }

    void keyShapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("openai legacy") << QStringLiteral("sk-AbCdEfGhIjKlMnOpQrStUvWx0123456789") << hidden;
        QTest::newRow("openai project")
            << QStringLiteral("Incorrect API key provided: sk-proj-Ab12Cd34Ef56Gh78Ij90_Kl-Mn, check it.")
            << QStringLiteral("Incorrect API key provided: [redacted], check it.");
        QTest::newRow("anthropic") << QStringLiteral("x-api-key: sk-ant-api03-Ab12Cd34Ef56Gh78Ij90-KlMnOp_qrstAA")
                                   << QStringLiteral("x-api-key: [redacted]");
        QTest::newRow("openrouter") << QStringLiteral("key sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef end")
                                    << QStringLiteral("key [redacted] end");
        QTest::newRow("groq") << QStringLiteral("gsk_AbCdEfGh12345678IjKlMnOp") << hidden;
        QTest::newRow("xai") << QStringLiteral("(xai-AbCdEfGh12345678IjKlMnOp)") << QStringLiteral("([redacted])");
        QTest::newRow("in JSON") << QStringLiteral("{\"api_key\":\"sk-abcdefghijklmnop\"}")
                                 << QStringLiteral("{\"api_key\":\"[redacted]\"}");
        QTest::newRow("two keys") << QStringLiteral("sk-aaaaaaaaaaaaaaaa, gsk_bbbbbbbbbbbbbbbb")
                                  << QStringLiteral("[redacted], [redacted]");
        QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig")
                                       << QStringLiteral("Authorization: [redacted]");
        QTest::newRow("lower-case bearer") << QStringLiteral("authorization: bearer abcdef0123456789==")
                                           << QStringLiteral("authorization: [redacted]");
        QTest::newRow("bearer with unknown key shape") << QStringLiteral("sent Bearer ollama-local-key-123 upstream")
                                                       << QStringLiteral("sent [redacted] upstream");
        QTest::newRow("in a URL") << QStringLiteral("GET /v1/models?api_key=sk-abcdefghijklmnop1234&q=1")
                                  << QStringLiteral("GET /v1/models?api_key=[redacted]&q=1");
        QTest::newRow("after a colon") << QStringLiteral("key:sk-abcdefghijklmnop1234") << QStringLiteral("key:[redacted]");
    }

    void keyShapes()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const SecretRedactor redactor; // no configured secrets: the shapes alone
        QCOMPARE(redactor.redact(text), expected);
    }

    void ordinaryTextUntouched_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("sentence") << QStringLiteral("The model's maximum context length is 131072 tokens.");
        QTest::newRow("sk-1") << QStringLiteral("sk-1");
        QTest::newRow("short sk") << QStringLiteral("see sk-abc for details");
        QTest::newRow("task-force") << QStringLiteral("task-force");
        QTest::newRow("word ending in sk") << QStringLiteral("risk-assessment-procedure-document");
        QTest::newRow("disk_") << QStringLiteral("disk_usage_statistics_report");
        QTest::newRow("model name") << QStringLiteral("deepseek-reasoner");
        QTest::newRow("Claude model") << QStringLiteral("claude-sonnet-4-5-20250929");
        QTest::newRow("OpenRouter model") << QStringLiteral("x-ai/grok-code-fast-1");
        QTest::newRow("short key word") << QStringLiteral("a key-value pair");
        QTest::newRow("short bearer") << QStringLiteral("Bearer abc");
        QTest::newRow("bearer prose") << QStringLiteral("Bearer tokens are required");
        QTest::newRow("long key word") << QStringLiteral("a key-value-store-implementation");
        QTest::newRow("long bearer word") << QStringLiteral("Bearer authentication failed");
        QTest::newRow("URL") << QStringLiteral("https://api.deepseek.com/v1/chat/completions");
        QTest::newRow("error code") << QStringLiteral("{\"code\":\"invalid_api_key\",\"param\":null}");
        QTest::newRow("empty") << QString();
        QTest::newRow("unicode") << QStringLiteral("Überlastung – bitte später erneut versuchen");
    }

    void ordinaryTextUntouched()
    {
        QFETCH(QString, text);
        const SecretRedactor redactor({QStringLiteral("hunter2-local-token")});
        QCOMPARE(redactor.redact(text), text);
    }

    // OpenAI echoes a wrong key masked. Redaction may leave it or hide it, but must not
    // turn it into something that shows more of the key than OpenAI did.
    void openAiMaskedEchoIsNotMangled_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("legacy key")
            << QStringLiteral("Incorrect API key provided: sk-abc12***************************1234. You can find your "
                              "API key at https://platform.openai.com/account/api-keys.")
            << QStringLiteral("Incorrect API key provided: sk-abc12***************************1234. You can find your "
                              "API key at https://platform.openai.com/account/api-keys.");
        QTest::newRow("project key")
            << QStringLiteral("Incorrect API key provided: sk-proj-********************************************fLwA.")
            << QStringLiteral("Incorrect API key provided: sk-proj-********************************************fLwA.");
    }

    void openAiMaskedEchoIsNotMangled()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const SecretRedactor redactor;
        QCOMPARE(redactor.redact(text), expected);
    }

    // A long visible prefix before the mask is key material: it goes, the mask stays.
    void longPrefixBeforeMaskIsHidden()
    {
        const SecretRedactor redactor;
        const QString redacted = redactor.redact(QStringLiteral("provided: sk-proj-Ab12Cd34Ef56Gh78****wxyz."));
        QVERIFY2(!redacted.contains(QLatin1StringView("Ab12Cd34")), qPrintable(redacted));
        QCOMPARE(redacted, QStringLiteral("provided: [redacted]****wxyz."));
    }

    void configuredSecretWithoutKeyShape()
    {
        // Local servers take any token; only the configured list can catch this one.
        const SecretRedactor redactor({QStringLiteral("LetMeIn-2024-local")});
        QCOMPARE(redactor.redact(QStringLiteral("password LetMeIn-2024-local rejected")),
                 QStringLiteral("password [redacted] rejected"));
        QCOMPARE(SecretRedactor().redact(QStringLiteral("password LetMeIn-2024-local rejected")),
                 QStringLiteral("password LetMeIn-2024-local rejected"));
    }

    // A request's own key (a profile passing the client's key on) joins the configured ones,
    // for that request only.
    void includingARequestsOwnKey()
    {
        const QString configured = QStringLiteral("9b4e1f7a2c8d5e3f0a6b9c2d7e1f4a8b");
        const QString clients = QStringLiteral("7d1e9a3c5b2f8e4d6a0c9b1e3f5a7d2c");
        const SecretRedactor proxy({configured});
        const SecretRedactor request = proxy.including(clients);
        const QString text = QStringLiteral("keys %1 and %2").arg(configured, clients);
        QCOMPARE(request.redact(text), QStringLiteral("keys [redacted] and [redacted]"));
        QCOMPARE(proxy.redact(text), QStringLiteral("keys [redacted] and %1").arg(clients));
        QCOMPARE(proxy.including(QString()).redact(text), proxy.redact(text));
    }
};

QTEST_GUILESS_MAIN(TestSecretRedactor)
#include "tst_secretredactor.moc"
