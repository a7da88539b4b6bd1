import QtQuick
import Tandem

// A SelectField over [{key, label}] options that shows `key` and reports
// a choice through picked(); the owner updates `key` (so that resetting it
// elsewhere shows here too).
SelectField {
    id: control

    property string key
    property var options: []

    signal picked(string key)

    function sync() {
        for (let i = 0; i < options.length; ++i) {
            if (options[i].key === key) {
                currentIndex = i;
                return;
            }
        }
        currentIndex = options.length > 0 ? 0 : -1;
    }

    model: options
    textRole: "label"
    valueRole: "key"
    onKeyChanged: sync()
    onOptionsChanged: sync()
    Component.onCompleted: sync()
    onActivated: index => {
        const chosen = options[index].key;
        picked(chosen);
        sync();
    }
}
