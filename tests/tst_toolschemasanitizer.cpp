#include <QTest>

// Placeholder until the suite is written.
class TestToolSchemaSanitizer : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestToolSchemaSanitizer)
#include "tst_toolschemasanitizer.moc"
