#include "proxy/providerprobe.h"
#include "testdata.h"

#include <QTest>

// What a provider's GET /models answer says, shaped as each provider sends it.
class TestProviderProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contextWindowsOfEachProvidersList_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("window");
        QTest::newRow("OpenRouter") << TestData::doubleQuoted(
            "{'data':[{'id':'qwen/qwen3-coder','name':'Qwen: Qwen3 Coder','created':1753230546,'context_length':262144,"
            "'architecture':{'modality':'text->text'},'top_provider':{'context_length':262144,'max_completion_tokens':null}}]}")
                                    << QStringLiteral("qwen/qwen3-coder") << 262144;
        QTest::newRow("Groq") << TestData::doubleQuoted(
            "{'object':'list','data':[{'id':'llama-3.3-70b-versatile','object':'model','created':1733447754,"
            "'owned_by':'Meta','active':true,'context_window':131072,'public_apps':null}]}")
                              << QStringLiteral("llama-3.3-70b-versatile") << 131072;
        QTest::newRow("vLLM") << TestData::doubleQuoted(
            "{'object':'list','data':[{'id':'Qwen/Qwen3-32B','object':'model','created':1733447754,'owned_by':'vllm',"
            "'root':'Qwen/Qwen3-32B','parent':null,'max_model_len':32768,'permission':[]}]}")
                              << QStringLiteral("Qwen/Qwen3-32B") << 32768;
        QTest::newRow("LM Studio") << TestData::doubleQuoted(
            "{'object':'list','data':[{'id':'qwen2-vl-7b-instruct','object':'model','type':'vlm','publisher':'mlx-community',"
            "'arch':'qwen2_vl','state':'not-loaded','max_context_length':32768}]}")
                                   << QStringLiteral("qwen2-vl-7b-instruct") << 32768;
        QTest::newRow("OpenAI: no window") << TestData::doubleQuoted(
            "{'object':'list','data':[{'id':'gpt-5.1','object':'model','created':1762800000,'owned_by':'system'}]}")
                                           << QStringLiteral("gpt-5.1") << 0;
    }

    void contextWindowsOfEachProvidersList()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, model);
        QFETCH(int, window);
        QCOMPARE(ProviderProbe::modelsIn(body), QStringList{model});
        QCOMPARE(ProviderProbe::contextWindowsIn(body).value(model), window);
        QCOMPARE(ProviderProbe::contextWindowsIn(body).size(), window > 0 ? 1 : 0);
    }
};

QTEST_GUILESS_MAIN(TestProviderProbe)
#include "tst_providerprobe.moc"
