pragma Singleton
import QtQuick

// Colours, sizes and spacing for the whole app: a calm NHS-like blue
// palette with high-contrast text.
QtObject {
    readonly property color primary: "#005EB8"
    readonly property color primaryDark: "#003087"
    readonly property color primaryTint: "#E3EEF9"
    readonly property color accent: "#41B6E6"
    readonly property color background: "#F0F4F5"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#212B32"
    readonly property color secondaryText: "#4C6272"
    readonly property color border: "#D8DDE0"
    readonly property color error: "#B3261E"
    readonly property color errorTint: "#FBE9E7"
    readonly property color success: "#007F3B"
    readonly property color successTint: "#E5F3EB"
    readonly property color textOnPrimary: "#FFFFFF"
    /// Keyboard focus ring (NHS yellow).
    readonly property color focus: "#FFB81C"

    readonly property int unit: 8
    readonly property int radius: 8
    readonly property int touchTarget: 48
    /// Narrower windows get the phone layout.
    readonly property int compactWidth: 600
    /// Widest that reading content gets on a large screen.
    readonly property int contentMaxWidth: 1040

    readonly property int smallSize: 13
    readonly property int bodySize: 15
    readonly property int subtitleSize: 17
    readonly property int titleSize: 22
    readonly property int headlineSize: 28
    readonly property int figureSize: 32

    /// A soft colour per request status for chips.
    function requestStatusColor(key: string): color {
        switch (key) {
        case "waiting": return "#FFF4D6";
        case "pending": return "#E3EEF9";
        case "accepted": return "#E5F3EB";
        case "declined": return "#FBE9E7";
        }
        return "#ECEFF1";
    }

    /// A soft colour per relationship state for chips.
    function relationshipStateColor(key: string): color {
        switch (key) {
        case "contracting": return "#FFF4D6";
        case "active": return "#E5F3EB";
        case "completed": return "#E3EEF9";
        case "ended_early": return "#ECEFF1";
        }
        return "#ECEFF1";
    }

    /// A soft colour per session status for chips.
    function sessionStatusColor(key: string): color {
        switch (key) {
        case "proposed": return "#FFF4D6";
        case "accepted": return "#E3EEF9";
        case "held": return "#E5F3EB";
        case "not_held": return "#FBE9E7";
        }
        return "#ECEFF1";
    }

    /// A soft colour per role for chips.
    function roleColor(key: string): color {
        switch (key) {
        case "coachee": return "#E3EEF9";
        case "coach": return "#E5F3EB";
        case "mentor": return "#FFF4D6";
        case "coordinator": return "#EDE7F6";
        case "supervisor": return "#FCE4EC";
        }
        return "#ECEFF1";
    }
}
