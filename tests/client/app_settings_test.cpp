// The person's settings on this device: kept in a file between runs,
// clamped where they have a range, and the build's server address until
// the person chooses another.
#include "common/app_settings.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

class AppSettingsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        settings().useFile(m_dir.filePath(u"settings.ini"_s));
    }
    static AppSettings &settings() { return *AppSettings::instance(); }
    QString path() const { return m_dir.filePath(u"settings.ini"_s); }

private:
    QTemporaryDir m_dir;
};

TEST_F(AppSettingsTest, TextScaleIsKeptWithinOneToTwo)
{
    EXPECT_DOUBLE_EQ(settings().textScale(), 1.0);
    QSignalSpy changed(&settings(), &AppSettings::textScaleChanged);
    settings().setTextScale(1.5);
    EXPECT_DOUBLE_EQ(settings().textScale(), 1.5);
    EXPECT_EQ(changed.count(), 1);
    settings().setTextScale(3.0);
    EXPECT_DOUBLE_EQ(settings().textScale(), 2.0);
    settings().setTextScale(0.5);
    EXPECT_DOUBLE_EQ(settings().textScale(), 1.0);
}

TEST_F(AppSettingsTest, ChoicesSurviveARestart)
{
    settings().setTextScale(2.0);
    settings().setDarkTheme(true);
    settings().setServerAddress(u"  tandem.example.nhs.uk:443 "_s);
    // A new run reads the same file.
    settings().useFile(path());
    EXPECT_DOUBLE_EQ(settings().textScale(), 2.0);
    EXPECT_TRUE(settings().darkTheme());
    EXPECT_EQ(settings().serverAddress(), u"tandem.example.nhs.uk:443"_s);
}

TEST_F(AppSettingsTest, TheServerAddressFallsBackToTheBuildsDefault)
{
    EXPECT_EQ(settings().serverAddress(), AppSettings::defaultServerAddress());
    EXPECT_FALSE(AppSettings::defaultServerAddress().isEmpty());
    settings().setServerAddress(u"other.example:7443"_s);
    QSignalSpy changed(&settings(), &AppSettings::serverAddressChanged);
    settings().resetServerAddress();
    EXPECT_EQ(settings().serverAddress(), AppSettings::defaultServerAddress());
    EXPECT_EQ(changed.count(), 1);
    settings().setServerAddress(u"   "_s);
    EXPECT_EQ(settings().serverAddress(), AppSettings::defaultServerAddress());
}
