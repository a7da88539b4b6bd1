pragma Singleton
import QtQuick
import Tandem

// Colours, sizes and spacing for the whole app: the NHS palette in a light
// and a dark version (AppSettings.darkTheme), and text sizes that scale
// with AppSettings.textScale. Pages take every colour and size from here.
QtObject {
    id: theme

    readonly property bool dark: AppSettings.darkTheme
    readonly property real textScale: AppSettings.textScale

    /// Links, accents and blue text on `surface` or `background`.
    readonly property color primary: dark ? "#8CC4FF" : "#005EB8"
    /// Strong blue text, e.g. on `primaryTint`.
    readonly property color primaryDark: dark ? "#D2E6FC" : "#003087"
    readonly property color primaryTint: dark ? "#1B3A5C" : "#E3EEF9"
    /// Fills under `textOnPrimary`: primary buttons, the phone's top bar.
    readonly property color primaryFill: "#005EB8"
    readonly property color primaryFillHover: "#004A94"
    readonly property color primaryFillPressed: "#003087"
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color accent: "#41B6E6"

    readonly property color background: dark ? "#111A20" : "#F0F4F5"
    readonly property color surface: dark ? "#1E2A32" : "#FFFFFF"
    /// A quieter panel inside a card.
    readonly property color surfaceSubtle: dark ? "#25333C" : "#F4F7F9"
    readonly property color hover: dark ? "#263744" : "#F2F7FC"
    readonly property color pressed: dark ? "#2C3D48" : "#EEF2F4"
    readonly property color text: dark ? "#E8EDEE" : "#212B32"
    readonly property color secondaryText: dark ? "#B4C0C7" : "#4C6272"
    /// Lines between things (decoration).
    readonly property color border: dark ? "#3A4A55" : "#D8DDE0"
    /// Outlines of controls: at least 3:1 against `surface`.
    readonly property color outline: dark ? "#8A99A4" : "#768692"
    /// A disabled control: its fill and its text (4.5:1 on that fill).
    readonly property color disabledFill: dark ? "#2C3A44" : "#D8DDE0"
    readonly property color disabledText: dark ? "#B4C0C7" : "#425563"

    readonly property color error: dark ? "#FF9A8F" : "#B3261E"
    readonly property color textOnError: dark ? "#111A20" : "#FFFFFF"
    readonly property color errorTint: dark ? "#3D1F1D" : "#FBE9E7"
    readonly property color success: dark ? "#73D49E" : "#00703C"
    readonly property color successTint: dark ? "#173826" : "#E5F3EB"
    readonly property color warningText: dark ? "#FFCC80" : "#7A4900"
    readonly property color warningTint: dark ? "#3B3015" : "#FFF4D6"
    readonly property color warningBorder: dark ? "#8A6A1F" : "#E0B252"
    readonly property color purpleText: dark ? "#D8CCF0" : "#4A2C82"
    readonly property color purpleTint: dark ? "#2E2540" : "#F3EFFA"
    readonly property color purpleBorder: dark ? "#5E4B85" : "#C9B8E8"
    readonly property color pinkTint: dark ? "#3D1F2B" : "#FCE4EC"
    readonly property color neutralTint: dark ? "#2C3A44" : "#ECEFF1"
    /// Passing messages over the page.
    readonly property color toast: dark ? "#E8EDEE" : "#323F4B"
    readonly property color toastText: dark ? "#111A20" : "#FFFFFF"
    /// Keyboard focus (NHS style): yellow behind black text, with a black bar.
    readonly property color focus: "#FFEB3B"
    readonly property color focusText: "#212B32"

    readonly property int unit: 8
    readonly property int radius: 8
    /// The smallest anything tapped may be, phone or desktop.
    readonly property int touchTarget: 48
    /// Narrower windows get the phone layout.
    readonly property int compactWidth: 600
    /// Widest that reading content gets on a large screen.
    readonly property int contentMaxWidth: 1040

    /// A text size in pixels at the person's text scale.
    function scaled(size: int): int {
        return Math.round(size * textScale);
    }
    readonly property int smallSize: scaled(13)
    readonly property int bodySize: scaled(15)
    readonly property int subtitleSize: scaled(17)
    readonly property int titleSize: scaled(22)
    readonly property int headlineSize: scaled(28)
    readonly property int figureSize: scaled(32)
    /// Icons beside labels and in the navigation (not scaled: they are
    /// drawn in a box of their own).
    readonly property int iconSize: 24

    /// The Material Design Icons font (Debian's fonts-materialdesignicons-webfont,
    /// built into the app) and the glyphs the app uses.
    readonly property FontLoader iconFont: FontLoader {
        source: "qrc:/qt/qml/Tandem/fonts/materialdesignicons.ttf"
    }
    readonly property var icons: ({
        home: "\uF2DC", find: "\uF349", requests: "\uF14E", relationships: "\uF28C",
        inbox: "\uF2FB", concerns: "\uF499", matching: "\uF339", people: "\uF00E",
        pool: "\uF5D2", myprofile: "\uF004", account: "\uF493", more: "\uF1D8",
        close: "\uF156", back: "\uF04D", check: "\uF12C", alert: "\uF5D6",
        calendar: "\uF0ED", join: "\uF014", questions: "\uF186", figures: "\uF128",
        returns: "\uF0EF", programme: "\uF011", organisations: "\uF1D7",
        notifications: "\uF09A"
    })

    /// A soft colour per request status for chips.
    function requestStatusColor(key: string): color {
        switch (key) {
        case "waiting": return warningTint;
        case "pending": return primaryTint;
        case "accepted": return successTint;
        case "declined": return errorTint;
        }
        return neutralTint;
    }

    /// A soft colour per relationship state for chips.
    function relationshipStateColor(key: string): color {
        switch (key) {
        case "contracting": return warningTint;
        case "active": return successTint;
        case "completed": return primaryTint;
        }
        return neutralTint;
    }

    /// A soft colour per session status for chips.
    function sessionStatusColor(key: string): color {
        switch (key) {
        case "proposed": return warningTint;
        case "accepted": return primaryTint;
        case "held": return successTint;
        case "not_held": return errorTint;
        }
        return neutralTint;
    }

    /// A soft colour per role for chips.
    function roleColor(key: string): color {
        switch (key) {
        case "coachee": return primaryTint;
        case "coach": return successTint;
        case "mentor": return warningTint;
        case "coordinator": return purpleTint;
        case "supervisor": return pinkTint;
        }
        return neutralTint;
    }
}
