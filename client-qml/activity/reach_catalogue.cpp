#include "activity/reach_catalogue.h"

#include "common/key_label.h"

namespace {

constexpr char kContext[] = "ReachCatalogue";

// The keys are the seam's (activity/reach_backend.h); the words follow the
// NHS's own groupings, with "Prefer not to say" last in each.
constexpr KeyLabel kStaffGroups[] = {
    {"nursing_and_midwifery", QT_TRANSLATE_NOOP("ReachCatalogue", "Nursing and midwifery")},
    {"medical_and_dental", QT_TRANSLATE_NOOP("ReachCatalogue", "Medical and dental")},
    {"allied_health_professionals",
        QT_TRANSLATE_NOOP("ReachCatalogue", "Allied health professionals")},
    {"healthcare_scientists", QT_TRANSLATE_NOOP("ReachCatalogue", "Healthcare scientists")},
    {"additional_clinical_services",
        QT_TRANSLATE_NOOP("ReachCatalogue", "Additional clinical services")},
    {"administrative_and_clerical",
        QT_TRANSLATE_NOOP("ReachCatalogue", "Administrative and clerical")},
    {"estates_and_ancillary", QT_TRANSLATE_NOOP("ReachCatalogue", "Estates and ancillary")},
    {"social_care", QT_TRANSLATE_NOOP("ReachCatalogue", "Social care")},
    {"other", QT_TRANSLATE_NOOP("ReachCatalogue", "Another staff group")},
    {"prefer_not_to_say", QT_TRANSLATE_NOOP("ReachCatalogue", "Prefer not to say")},
};
constexpr KeyLabel kProfessions[] = {
    {"nurse", QT_TRANSLATE_NOOP("ReachCatalogue", "Nurse")},
    {"midwife", QT_TRANSLATE_NOOP("ReachCatalogue", "Midwife")},
    {"doctor", QT_TRANSLATE_NOOP("ReachCatalogue", "Doctor")},
    {"allied_health_professional",
        QT_TRANSLATE_NOOP("ReachCatalogue", "Allied health professional")},
    {"pharmacy", QT_TRANSLATE_NOOP("ReachCatalogue", "Pharmacy")},
    {"healthcare_support_worker", QT_TRANSLATE_NOOP("ReachCatalogue", "Healthcare support worker")},
    {"social_worker", QT_TRANSLATE_NOOP("ReachCatalogue", "Social worker")},
    {"care_worker", QT_TRANSLATE_NOOP("ReachCatalogue", "Care worker")},
    {"manager", QT_TRANSLATE_NOOP("ReachCatalogue", "Manager")},
    {"administration", QT_TRANSLATE_NOOP("ReachCatalogue", "Administration")},
    {"other", QT_TRANSLATE_NOOP("ReachCatalogue", "Another profession")},
    {"prefer_not_to_say", QT_TRANSLATE_NOOP("ReachCatalogue", "Prefer not to say")},
};
constexpr KeyLabel kPayBands[] = {
    {"1", QT_TRANSLATE_NOOP("ReachCatalogue", "Band 1")},
    {"2", QT_TRANSLATE_NOOP("ReachCatalogue", "Band 2")},
    {"3", QT_TRANSLATE_NOOP("ReachCatalogue", "Band 3")},
    {"4", QT_TRANSLATE_NOOP("ReachCatalogue", "Band 4")},
    {"5", QT_TRANSLATE_NOOP("ReachCatalogue", "Band 5")},
    {"6", QT_TRANSLATE_NOOP("ReachCatalogue", "Band 6")},
    {"7", QT_TRANSLATE_NOOP("ReachCatalogue", "Band 7")},
    {"8", QT_TRANSLATE_NOOP("ReachCatalogue", "Band 8 (8a, 8b, 8c or 8d)")},
    {"9", QT_TRANSLATE_NOOP("ReachCatalogue", "Band 9")},
    {"not_afc", QT_TRANSLATE_NOOP("ReachCatalogue", "Not on Agenda for Change")},
    {"prefer_not_to_say", QT_TRANSLATE_NOOP("ReachCatalogue", "Prefer not to say")},
};
constexpr KeyLabel kClinical[] = {
    {"clinical", QT_TRANSLATE_NOOP("ReachCatalogue", "Clinical")},
    {"non_clinical", QT_TRANSLATE_NOOP("ReachCatalogue", "Non-clinical")},
    {"prefer_not_to_say", QT_TRANSLATE_NOOP("ReachCatalogue", "Prefer not to say")},
};
constexpr KeyLabel kEthnicGroups[] = {
    {"asian", QT_TRANSLATE_NOOP("ReachCatalogue", "Asian or Asian British")},
    {"black", QT_TRANSLATE_NOOP("ReachCatalogue", "Black, Black British, Caribbean or African")},
    {"mixed", QT_TRANSLATE_NOOP("ReachCatalogue", "Mixed or multiple ethnic groups")},
    {"white", QT_TRANSLATE_NOOP("ReachCatalogue", "White")},
    {"other", QT_TRANSLATE_NOOP("ReachCatalogue", "Another ethnic group")},
    {"prefer_not_to_say", QT_TRANSLATE_NOOP("ReachCatalogue", "Prefer not to say")},
};
constexpr KeyLabel kDisabilities[] = {
    {"yes", QT_TRANSLATE_NOOP("ReachCatalogue", "Yes")},
    {"no", QT_TRANSLATE_NOOP("ReachCatalogue", "No")},
    {"prefer_not_to_say", QT_TRANSLATE_NOOP("ReachCatalogue", "Prefer not to say")},
};

} // namespace

QVariantList ReachCatalogue::options(const QString &set, bool withUnanswered) const
{
    QVariantList list;
    if (withUnanswered) {
        list.append(QVariantMap {
            {QStringLiteral("key"), QString()}, {QStringLiteral("label"), labelFor(set, {})}});
    }
    if (set == QLatin1String("staffGroup")) {
        list.append(optionsIn(kContext, kStaffGroups));
    } else if (set == QLatin1String("profession")) {
        list.append(optionsIn(kContext, kProfessions));
    } else if (set == QLatin1String("payBand")) {
        list.append(optionsIn(kContext, kPayBands));
    } else if (set == QLatin1String("clinical")) {
        list.append(optionsIn(kContext, kClinical));
    } else if (set == QLatin1String("ethnicGroup")) {
        list.append(optionsIn(kContext, kEthnicGroups));
    } else if (set == QLatin1String("disability")) {
        list.append(optionsIn(kContext, kDisabilities));
    }
    return list;
}

QString ReachCatalogue::label(const QString &set, const QString &key) const
{
    return labelFor(set, key);
}

QString ReachCatalogue::question(const QString &set) const
{
    return questionFor(set);
}

QString ReachCatalogue::labelFor(const QString &set, const QString &key)
{
    if (key.isEmpty()) {
        return tr("Not answered");
    }
    if (set == QLatin1String("staffGroup")) {
        return labelIn(kContext, kStaffGroups, key);
    }
    if (set == QLatin1String("profession")) {
        return labelIn(kContext, kProfessions, key);
    }
    if (set == QLatin1String("payBand")) {
        return labelIn(kContext, kPayBands, key);
    }
    if (set == QLatin1String("clinical")) {
        return labelIn(kContext, kClinical, key);
    }
    if (set == QLatin1String("ethnicGroup")) {
        return labelIn(kContext, kEthnicGroups, key);
    }
    if (set == QLatin1String("disability")) {
        return labelIn(kContext, kDisabilities, key);
    }
    return {};
}

QString ReachCatalogue::questionFor(const QString &set)
{
    if (set == QLatin1String("staffGroup")) {
        return tr("Which staff group do you work in?");
    }
    if (set == QLatin1String("profession")) {
        return tr("What is your profession or job?");
    }
    if (set == QLatin1String("payBand")) {
        return tr("What is your pay band?");
    }
    if (set == QLatin1String("clinical")) {
        return tr("Is your role clinical?");
    }
    if (set == QLatin1String("ethnicGroup")) {
        return tr("What is your ethnic group?");
    }
    if (set == QLatin1String("disability")) {
        return tr("Do you consider yourself to be disabled?");
    }
    return {};
}
