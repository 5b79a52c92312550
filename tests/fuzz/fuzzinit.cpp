#include <QLoggingCategory>

// libFuzzer calls this once before the first input. Our code logs its warnings through Qt;
// printed for every input they would slow the run down and bury libFuzzer's own report.
// Only qFatal still speaks, and it aborts, which libFuzzer reports as a crash.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    return 0;
}
