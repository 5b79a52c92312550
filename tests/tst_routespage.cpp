// The Routes page driven through its widgets as a user would: routes, fallbacks and profiles
// reach Settings on Apply, problems are listed in words and block Apply, the summary says
// where each Claude model goes, and every control can be named and reached by keyboard.

#include "routespage.h"

#include "config/inmemorysecretstore.h"
#include "config/settings.h"
#include "scriptedupstream.h"
#include "proxy/proxycontroller.h"
#include "proxy/upstreamconnectionpool.h"
#include "routetargetedit.h"
#include "unnamedcontrols.h"

#include "testdata.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

QJsonObject route(const QString &match, const QString &provider, const QString &model, const QString &when = {})
{
    QJsonObject json{{QStringLiteral("match"), match},
                     {QStringLiteral("provider"), provider},
                     {QStringLiteral("model"), model}};
    if (!when.isEmpty())
        json.insert(QStringLiteral("when"), when);
    return json;
}

// DeepSeek's preset mapping, as the Providers page stores it with the first provider.
QJsonArray deepSeekRoutes()
{
    const QString deepseek = QStringLiteral("deepseek");
    return {route(QStringLiteral("*"), deepseek, QStringLiteral("deepseek-reasoner"), QStringLiteral("thinking")),
            route(QStringLiteral("*haiku*"), deepseek, QStringLiteral("deepseek-chat")),
            route(QStringLiteral("*opus*"), deepseek, QStringLiteral("deepseek-reasoner")),
            route(QStringLiteral("*"), deepseek, QStringLiteral("deepseek-chat"))};
}

} // namespace

class TestRoutesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_run)));
        // The providers as the user set them up on the Providers page.
        QVERIFY(m_settings->setProviders(
            {QJsonObject{{QStringLiteral("name"), QStringLiteral("deepseek")},
                         {QStringLiteral("preset"), QStringLiteral("deepseek")},
                         {QStringLiteral("keyInKeychain"), true}},
             QJsonObject{{QStringLiteral("name"), QStringLiteral("openrouter")},
                         {QStringLiteral("preset"), QStringLiteral("openrouter")},
                         {QStringLiteral("keyInKeychain"), true}}}));
    }

    void cleanup()
    {
        m_page.reset();
        m_settings.reset();
    }

    void summarySaysWhereModelsGo()
    {
        QVERIFY(m_settings->setRoutes(deepSeekRoutes()));
        showPage();
        const QString summary = child<QLabel>("summary")->text();
        QVERIFY2(summary.contains(QStringLiteral("Opus → deepseek / deepseek-reasoner")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Sonnet → deepseek / deepseek-chat")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Haiku → deepseek / deepseek-chat")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Any model · Thinking requests → deepseek / deepseek-reasoner")),
                 qPrintable(summary));
        QVERIFY(child<QLabel>("problems")->isHidden());
        QCOMPARE(routeList()->count(), 4);
        QCOMPARE(routeList()->item(2)->text(), QStringLiteral("3. Opus → deepseek / deepseek-reasoner"));
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled());
    }

    void withoutRoutesTheSummarySaysSo()
    {
        showPage();
        QVERIFY(child<QLabel>("summary")->text().contains(QStringLiteral("Opus → no route")));
        QCOMPARE(routeList()->count(), 0);
        QVERIFY(!child<QWidget>("routeEditor")->isEnabled());
    }

    void addRouteWithFallbackAndApply()
    {
        showPage();
        QSignalSpy applied(m_page.get(), &RoutesPage::routesChanged);
        click("addRouteButton");
        QCOMPARE(routeList()->count(), 1);
        // The first route catches every model, going to the first provider's first model.
        QCOMPARE(child<QComboBox>("patternCombo")->currentText(), QStringLiteral("Any model (*)"));
        QCOMPARE(target("target")->provider(), QStringLiteral("deepseek"));
        QCOMPARE(target("target")->model(), QStringLiteral("deepseek-chat"));

        choose(target("target")->providerCombo(), QStringLiteral("openrouter"));
        // Another provider's first model replaces a name it does not serve.
        QCOMPARE(target("target")->model(), QStringLiteral("anthropic/claude-sonnet-4.5"));
        typeInto(target("target")->modelCombo()->lineEdit(), QStringLiteral("qwen/qwen3-coder-plus"));
        typeInto(child<QSpinBox>("maxOutputTokensSpin"), QStringLiteral("32000"));

        click("addFallbackButton");
        QCOMPARE(child<QListWidget>("fallbackList")->count(), 1);
        QCOMPARE(target("fallbackTarget")->provider(), QStringLiteral("deepseek"));
        typeInto(target("fallbackTarget")->modelCombo()->lineEdit(), QStringLiteral("deepseek-reasoner"));
        QCOMPARE(routeList()->item(0)->text(),
                 QStringLiteral("1. Any model → openrouter / qwen/qwen3-coder-plus, then deepseek / deepseek-reasoner"));
        QVERIFY(child<QLabel>("summary")->text().contains(
            QStringLiteral("Opus → openrouter / qwen/qwen3-coder-plus, then deepseek / deepseek-reasoner")));
        QVERIFY2(child<QLabel>("problems")->isHidden(), qPrintable(child<QLabel>("problems")->text()));

        click("applyButton");
        QCOMPARE(applied.count(), 1);
        QJsonObject expected = route(QStringLiteral("*"), QStringLiteral("openrouter"), QStringLiteral("qwen/qwen3-coder-plus"));
        expected.insert(QStringLiteral("maxOutputTokens"), 32000);
        expected.insert(QStringLiteral("fallbacks"),
                        QJsonArray{QJsonObject{{QStringLiteral("provider"), QStringLiteral("deepseek")},
                                               {QStringLiteral("model"), QStringLiteral("deepseek-reasoner")}}});
        QCOMPARE(m_settings->routes(), QJsonArray{expected});
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled());
        QCOMPARE(child<QLabel>("statusLabel")->text(), QStringLiteral("Saved."));
    }

    void scenarioAndOrder()
    {
        QVERIFY(m_settings->setRoutes(deepSeekRoutes()));
        showPage();
        // A new route goes before the catch-all and names the family not routed yet.
        routeList()->setCurrentRow(1);
        click("addRouteButton");
        QCOMPARE(routeList()->currentRow(), 3);
        QCOMPARE(child<QComboBox>("patternCombo")->currentText(), QStringLiteral("Sonnet (*sonnet*)"));
        choose(child<QComboBox>("scenarioCombo"), QStringLiteral("Requests with images"));
        click("routeUpButton");
        QCOMPARE(routeList()->currentRow(), 2);
        QCOMPARE(routeList()->item(2)->text(),
                 QStringLiteral("3. Sonnet · Requests with images → deepseek / deepseek-chat"));
        click("applyButton");
        const QJsonArray routes = m_settings->routes();
        QCOMPARE(routes.size(), 5);
        QCOMPARE(routes.at(2).toObject(),
                 route(QStringLiteral("*sonnet*"), QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"),
                       QStringLiteral("images")));
    }

    void problemsBlockApply()
    {
        QVERIFY(m_settings->setRoutes(deepSeekRoutes()));
        showPage();
        auto *problems = child<QLabel>("problems");
        click("addRouteButton"); // *sonnet*, before the catch-all

        // A pattern with a space.
        choose(child<QComboBox>("patternCombo"), QStringLiteral("Custom pattern"));
        auto *custom = child<QLineEdit>("customPatternEdit");
        QVERIFY(custom->isEnabled());
        QCOMPARE(QApplication::focusWidget(), custom);
        typeInto(custom, QStringLiteral("claude sonnet"));
        QVERIFY(!problems->isHidden());
        QVERIFY2(problems->text().contains(QStringLiteral("The pattern \"claude sonnet\" contains a space")),
                 qPrintable(problems->text()));

        // No model: ProxyConfig's own words.
        typeInto(custom, QStringLiteral("claude-*-4-5"));
        typeInto(target("target")->modelCombo()->lineEdit(), QString());
        QVERIFY2(problems->text().contains(QStringLiteral("The route for \"claude-*-4-5\" has no upstream model.")),
                 qPrintable(problems->text()));

        click("applyButton");
        QCOMPARE(m_settings->routes(), deepSeekRoutes());
        QCOMPARE(child<QLabel>("statusLabel")->text(), QStringLiteral("Not applied: fix the problems listed above first."));

        // Behind the catch-all, the route can never be reached.
        typeInto(target("target")->modelCombo()->lineEdit(), QStringLiteral("deepseek-chat"));
        QVERIFY(problems->isHidden());
        click("routeDownButton");
        QVERIFY2(problems->text().contains(QStringLiteral("The route for \"claude-*-4-5\" is never used: route 4, for \"*\"")),
                 qPrintable(problems->text()));

        // Revert brings back what Settings holds.
        click("revertButton");
        QCOMPARE(routeList()->count(), 4);
        QVERIFY(problems->isHidden());
    }

    // A route that describes images for DeepSeek, added behind the catch-all as a user would:
    // it answers no request, so nothing comes before it.
    void aVisionRouteBehindTheCatchAll()
    {
        QVERIFY(m_settings->setRoutes(deepSeekRoutes()));
        showPage();
        auto *problems = child<QLabel>("problems");
        click("addRouteButton");
        choose(child<QComboBox>("patternCombo"), QStringLiteral("Any model (*)"));
        choose(child<QComboBox>("scenarioCombo"), QStringLiteral("Describes images for models that cannot see them"));
        choose(target("target")->providerCombo(), QStringLiteral("openrouter"));
        typeInto(target("target")->modelCombo()->lineEdit(), QStringLiteral("qwen/qwen2.5-vl-72b-instruct"));
        while (child<QPushButton>("routeDownButton")->isEnabled())
            click("routeDownButton");
        QCOMPARE(routeList()->currentRow(), routeList()->count() - 1);
        QVERIFY2(problems->isHidden(), qPrintable(problems->text()));
        click("applyButton");
        const QJsonObject vision = m_settings->routes().last().toObject();
        QCOMPARE(vision.value(QLatin1StringView("when")).toString(), QStringLiteral("vision"));
        QCOMPARE(vision.value(QLatin1StringView("model")).toString(), QStringLiteral("qwen/qwen2.5-vl-72b-instruct"));
        // The summary still sends every Claude model to DeepSeek.
        QVERIFY2(child<QLabel>("summary")->text().contains(QStringLiteral("Sonnet → deepseek / deepseek-chat")),
                 qPrintable(child<QLabel>("summary")->text()));
    }

    // A model that cannot see images, said on its route: what Apply stores, and what the page
    // shows again.
    void aRouteSaysItsModelSeesNoImages()
    {
        QVERIFY(m_settings->setRoutes(deepSeekRoutes()));
        showPage();
        routeList()->setCurrentRow(3);
        auto *images = child<QComboBox>("imagesCombo");
        QCOMPARE(images->currentText(), QStringLiteral("As the provider's preset says"));
        choose(images, QStringLiteral("The model cannot see images: a vision route describes them"));
        click("applyButton");
        QCOMPARE(m_settings->routes().at(3).toObject().value(QLatin1StringView("images")), QJsonValue(false));
        QVERIFY(!m_settings->routes().at(2).toObject().contains(QLatin1StringView("images")));

        m_page.reset();
        showPage();
        routeList()->setCurrentRow(3);
        QCOMPARE(child<QComboBox>("imagesCombo")->currentText(), QStringLiteral("The model cannot see images: a vision route describes them"));
        routeList()->setCurrentRow(2);
        QCOMPARE(child<QComboBox>("imagesCombo")->currentText(), QStringLiteral("As the provider's preset says"));
    }

    void unknownProviderIsReported()
    {
        QVERIFY(m_settings->setRoutes({route(QStringLiteral("*"), QStringLiteral("gone"), QStringLiteral("m"))}));
        showPage();
        auto *problems = child<QLabel>("problems");
        QVERIFY(!problems->isHidden());
        QVERIFY2(problems->text().contains(QStringLiteral("names the unknown provider \"gone\"")), qPrintable(problems->text()));
        // The route keeps its provider visible until the user picks another.
        QCOMPARE(target("target")->providerCombo()->currentText(), QStringLiteral("gone (not configured)"));
        choose(target("target")->providerCombo(), QStringLiteral("deepseek"));
        QVERIFY(problems->isHidden());
    }

    // The model fields offer what the provider lists (asked with its key), not only the preset's.
    void modelsFetchedFromTheProvider()
    {
        ScriptedUpstream upstream;
        upstream.setModels({QStringLiteral("fetched-large"), QStringLiteral("fetched-small")});
        m_secrets.insert(QStringLiteral("local"), QStringLiteral("sk-local-key"));
        QVERIFY(m_settings->setProviders(TestData::singleQuotedArray(
            "[{'name': 'local', 'baseUrl': '" + upstream.baseUrl().toString().toUtf8() + "', 'keyInKeychain': true}]")));
        QVERIFY(m_settings->setRoutes(TestData::singleQuotedArray("[{'provider': 'local', 'model': 'fetched-small'}]")));
        UpstreamConnectionPool upstreams;
        m_page = std::make_unique<RoutesPage>(m_settings.get(), &m_secrets, &upstreams);
        m_page->show();
        QComboBox *models = target("target")->modelCombo();
        QTRY_COMPARE(models->findText(QStringLiteral("fetched-large")) >= 0, true);
        // The route's own model stays chosen while the list fills in.
        QCOMPARE(target("target")->model(), QStringLiteral("fetched-small"));
        m_page.reset(); // before the pool it fetched through
    }

    // A profile's own token: made here, kept in the keychain (never in the file), moved with a
    // rename, removed with the profile.
    void profileTokenInTheKeychain()
    {
        QVERIFY(m_settings->setRoutes(deepSeekRoutes()));
        showPage();
        click("addProfileButton");
        auto *name = child<QLineEdit>("profileNameEdit");
        QTest::keyClicks(name, QStringLiteral("work"));
        QVERIFY(!child<QPushButton>("dropProfileToken")->isEnabled());
        click("newProfileToken");
        click("copyProfileToken");
        const QString token = QApplication::clipboard()->text();
        QCOMPARE(token.size(), 32);
        click("applyButton");
        const QString stored = ProxyController::profileTokenName(QStringLiteral("work"));
        QTRY_COMPARE(m_secrets.secrets().value(stored), token);
        QCOMPARE(m_settings->profiles().at(0).toObject().value(QLatin1StringView("tokenInKeychain")).toBool(), true);
        QVERIFY(!TestData::compact(m_settings->document()).contains(token.toUtf8()));

        // Renamed: the token follows the name.
        child<QListWidget>("scopeList")->setCurrentRow(1);
        typeInto(name, QStringLiteral("team"));
        click("applyButton");
        const QString moved = ProxyController::profileTokenName(QStringLiteral("team"));
        QTRY_COMPARE(m_secrets.secrets().value(moved), token);
        // The old name goes after the new one is written (a rename never loses the token).
        QTRY_VERIFY(!m_secrets.secrets().contains(stored));

        // Removed: so is its token.
        child<QListWidget>("scopeList")->setCurrentRow(1);
        click("removeProfileButton");
        click("applyButton");
        QTRY_VERIFY(!m_secrets.secrets().contains(moved));
        QVERIFY(m_settings->profiles().isEmpty());
    }

    void profilesAddRenameRemove()
    {
        QVERIFY(m_settings->setRoutes(deepSeekRoutes()));
        showPage();
        auto *scopes = child<QListWidget>("scopeList");
        auto *name = child<QLineEdit>("profileNameEdit");
        QCOMPARE(scopes->count(), 1);
        QVERIFY(!name->isVisible());

        click("addProfileButton");
        QCOMPARE(scopes->count(), 2);
        QCOMPARE(scopes->currentRow(), 1);
        QVERIFY(name->isVisible());
        QCOMPARE(QApplication::focusWidget(), name);
        QCOMPARE(name->selectedText(), QStringLiteral("profile"));
        // A new profile starts with the default routes.
        QCOMPARE(routeList()->count(), 4);
        QTest::keyClicks(name, QStringLiteral("work"));
        QCOMPARE(scopes->item(1)->text(), QStringLiteral("Profile work"));
        QTest::mouseClick(child<QCheckBox>("passClientKeyCheck"), Qt::LeftButton);
        choose(target("target")->providerCombo(), QStringLiteral("openrouter"));

        // A second profile under the same name is a problem until renamed.
        click("addProfileButton");
        QTest::keyClicks(name, QStringLiteral("work"));
        auto *problems = child<QLabel>("problems");
        QVERIFY2(problems->text().contains(QStringLiteral("Profile names must be unique")), qPrintable(problems->text()));
        click("applyButton");
        QVERIFY(m_settings->profiles().isEmpty());
        typeInto(name, QStringLiteral("team"));
        QVERIFY(problems->isHidden());
        click("applyButton");

        const QJsonArray profiles = m_settings->profiles();
        QCOMPARE(profiles.size(), 2);
        const QJsonObject work = profiles.at(0).toObject();
        QCOMPARE(work.value(QLatin1StringView("name")).toString(), QStringLiteral("work"));
        QCOMPARE(work.value(QLatin1StringView("passClientKey")).toBool(), true);
        QCOMPARE(work.value(QLatin1StringView("routes")).toArray().at(0).toObject().value(QLatin1StringView("provider")),
                 QStringLiteral("openrouter"));
        QCOMPARE(profiles.at(1).toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("team"));
        QCOMPARE(profiles.at(1).toObject().value(QLatin1StringView("routes")).toArray(), deepSeekRoutes());
        QCOMPARE(m_settings->routes(), deepSeekRoutes());

        // Renaming the active profile keeps it active; removing it falls back to the defaults.
        m_settings->setActiveProfile(QStringLiteral("work"));
        scopes->setCurrentRow(1);
        typeInto(name, QStringLiteral("work2"));
        click("applyButton");
        QCOMPARE(m_settings->activeProfile(), QStringLiteral("work2"));
        scopes->setCurrentRow(1);
        click("removeProfileButton");
        QCOMPARE(scopes->count(), 2);
        click("applyButton");
        QCOMPARE(m_settings->profiles().size(), 1);
        QCOMPARE(m_settings->activeProfile(), QString());
    }

    void followsSettingsUnlessEdited()
    {
        showPage();
        // The Providers page stores a first provider's routes: the page shows them.
        QVERIFY(m_settings->setRoutes(deepSeekRoutes()));
        QCOMPARE(routeList()->count(), 4);
        // With edits in progress, they win.
        click("addRouteButton");
        QVERIFY(m_settings->setRoutes({}));
        QCOMPARE(routeList()->count(), 5);
    }

    void keyboardOnly()
    {
        QVERIFY(m_settings->setRoutes(deepSeekRoutes()));
        showPage();
        auto *add = child<QPushButton>("addRouteButton");
        add->setFocus();
        QTest::keyClick(add, Qt::Key_Space);
        QCOMPARE(routeList()->count(), 5);
        // Focus moves on to the new route's pattern, where the arrow keys pick another.
        auto *pattern = child<QComboBox>("patternCombo");
        QCOMPARE(QApplication::focusWidget(), pattern);
        QTest::keyClick(pattern, Qt::Key_Up);
        QCOMPARE(pattern->currentText(), QStringLiteral("Opus (*opus*)"));
        QCOMPARE(routeList()->item(3)->text(), QStringLiteral("4. Opus → deepseek / deepseek-chat"));
    }

    void everyControlIsNamedAndInLayoutOrder()
    {
        QVERIFY(m_settings->setRoutes(deepSeekRoutes()));
        showPage();
        click("addProfileButton");
        click("addFallbackButton");
        choose(child<QComboBox>("patternCombo"), QStringLiteral("Custom pattern"));
        const QStringList unnamed = unnamedControls(*m_page);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

        // Tab walks the page left to right, top to bottom (the first route cannot move up, and
        // its one fallback cannot move at all).
        QStringList order;
        QWidget *first = child<QListWidget>("scopeList");
        QWidget *widget = first;
        do {
            if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisibleTo(m_page.get()) && widget->isEnabled()
                && !widget->focusProxy() && m_page->isAncestorOf(widget))
                order << widget->objectName();
            widget = widget->nextInFocusChain();
        } while (widget != first);
        QCOMPARE(order, (QStringList{QStringLiteral("scopeList"), QStringLiteral("addProfileButton"),
                                     QStringLiteral("removeProfileButton"), QStringLiteral("profileNameEdit"),
                                     QStringLiteral("newProfileToken"), QStringLiteral("clientTokenEnvEdit"), QStringLiteral("passClientKeyCheck"),
                                     QStringLiteral("routeList"), QStringLiteral("addRouteButton"),
                                     QStringLiteral("removeRouteButton"), QStringLiteral("routeDownButton"), QStringLiteral("patternCombo"),
                                     QStringLiteral("customPatternEdit"), QStringLiteral("scenarioCombo"),
                                     QStringLiteral("provider"), QStringLiteral("model"),
                                     QStringLiteral("maxOutputTokensSpin"), QStringLiteral("imagesCombo"), QStringLiteral("fallbackList"),
                                     QStringLiteral("addFallbackButton"), QStringLiteral("removeFallbackButton"),
                                     QStringLiteral("provider"), QStringLiteral("model"),
                                     QStringLiteral("revertButton"), QStringLiteral("applyButton")}));
    }

private:
    void showPage()
    {
        m_page = std::make_unique<RoutesPage>(m_settings.get(), &m_secrets);
        m_page->resize(1040, 640);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    template <typename T>
    T *child(const char *name) const
    {
        T *found = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qFatal("No child named %s", name);
        return found;
    }

    QListWidget *routeList() const { return child<QListWidget>("routeList"); }
    RouteTargetEdit *target(const char *name) const { return child<RouteTargetEdit>(name); }

    void click(const char *buttonName)
    {
        auto *button = child<QPushButton>(buttonName);
        QVERIFY2(button->isEnabled(), buttonName);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    // Replaces the field's text by typing, as a user selecting all first would.
    static void typeInto(QWidget *field, const QString &text)
    {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_Backspace);
        QTest::keyClicks(field, text);
    }

    // Picks an entry with the keyboard: Home, then Down until it is current.
    static void choose(QComboBox *combo, const QString &text)
    {
        const int index = combo->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Home);
        for (int i = 0; i < index; ++i)
            QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentText(), text);
    }

    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<Settings> m_settings;
    InMemorySecretStore m_secrets;
    std::unique_ptr<RoutesPage> m_page;
};

QTEST_MAIN(TestRoutesPage)
#include "tst_routespage.moc"
