import QtQuick
import QtQuick.Controls
import Tandem

// A person's initials in a circle, so that people are told apart at a
// glance in lists. Tandem holds no photos. Its tint follows the name, so
// one person looks the same everywhere. Decorative: the name beside it is
// what a screen reader reads.
Rectangle {
    id: avatar

    property string name
    property int size: 40

    readonly property string initials: {
        const words = avatar.name.trim().split(/\s+/).filter(w => w.length > 0);
        if (words.length === 0)
            return "";
        const first = words[0].charAt(0);
        return (words.length > 1 ? first + words[words.length - 1].charAt(0) : first).toUpperCase();
    }
    readonly property var tints: [Theme.primaryTint, Theme.successTint, Theme.purpleTint,
                                  Theme.warningTint, Theme.pinkTint, Theme.neutralTint]
    readonly property int tintIndex: {
        let hash = 0;
        for (let i = 0; i < avatar.name.length; ++i)
            hash = (hash * 31 + avatar.name.charCodeAt(i)) % 1000003;
        return hash % tints.length;
    }

    // At large text sizes the name needs the room more than the initials.
    visible: Theme.textScale <= 1.25
    implicitWidth: size
    implicitHeight: size
    radius: size / 2
    color: tints[tintIndex]
    border.color: Theme.border
    Accessible.ignored: true

    Label {
        anchors.centerIn: parent
        text: avatar.initials
        font.pixelSize: Math.round(avatar.size * 0.4)
        font.weight: Font.DemiBold
        color: Theme.text
    }
}
