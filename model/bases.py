"""Legal bases shared by many fields, and the short field-declaration helper ``F``."""

from __future__ import annotations

from typing import Any

from kototieto.model.meta import MUN, Actor, FieldMeta, In874, LegalBasis, Obligation, When
from kototieto.model.text import T, Text

STRUCTURE = LegalBasis(
    act=(76,),
    in_874=In874.NOT_APPLICABLE,
    note=T(
        "Tietueen rakenteeseen kuuluva tieto, jolla tiedot yksilöidään ja liitetään asiakkaaseen.",
        "Uppgift som hör till postens struktur och identifierar uppgifterna och kopplar dem till kunden.",
        "Part of the record's structure: identifies the data and ties it to the customer.",
    ),
)
CUSTOMER = LegalBasis(
    act=(2, 76),
    in_874=In874.NOT_APPLICABLE,
    note=T(
        "Ei asetuksen tietosisältöä: asiakkaan perustiedot, joilla hänet tunnistetaan ja lain "
        "määräajat lasketaan.",
        "Inte förordningens datainnehåll: kundens grunduppgifter för identifiering och för att "
        "beräkna lagens tidsfrister.",
        "Not decree data content: the person's basic data, to identify them and compute the Act's deadlines.",
    ),
)
RECORD_HANDLING = LegalBasis(
    act=(76,),
    in_874=In874.NOT_APPLICABLE,
    note=T(
        "Tietueen käsittelyyn kuuluva tieto (laji, skeemaversio, mitätöinti tai pilotin lisäkentät); "
        "ei asetuksen tietosisältöä.",
        "Uppgift som hör till hanteringen av posten (typ, schemaversion, annullering eller pilotens "
        "tilläggsfält); inte förordningens datainnehåll.",
        "Part of handling the record (kind, schema version, annulment or a pilot's extension fields); "
        "not decree data content.",
    ),
)
ASSESS = LegalBasis(act=(14, 15), memo="1 § 1 mom.", decree_874="1 § 1 mom.", in_874=In874.YES)
ASSESS_CONTENT_ONLY = LegalBasis(
    act=(14, 15),
    memo="1 § 1 mom.",
    decree_874="1 § 1 mom.",
    in_874=In874.YES,
    note=T(
        'Asetus 874/2024 mainitsee arvioinnin sisällön ("sisältö") yleisesti; tätä kohtaa ei '
        "mainita ohjeistuksen sisältöluettelossa.",
        'Förordning 874/2024 nämner bedömningens innehåll ("innehåll") allmänt; denna punkt '
        "nämns inte i anvisningarnas förteckning över innehållet.",
        '874/2024 names the assessment\'s content ("sisältö") in general only; this item is not in '
        "the guidance's list of content.",
    ),
)
ASSESS_TIMING = LegalBasis(
    act=(14, 15, 16, 17, 21),
    memo="1 § 1 mom.",
    decree_874="1 § 1 mom.",
    in_874=In874.CHANGED,
    note=T(
        'Asetuksessa 874/2024 jäljellä vain "kotoutumissuunnitelman laadinta-ajankohta tai muu '
        'palveluihin ohjaus"; monialainen ja perheen kotoutumissuunnitelma sekä tieto siitä, ettei '
        "suunnitelmaa laadita (muistion perustelut), eivät ole asetuksen tekstissä.",
        'I förordning 874/2024 återstår endast "tidpunkten för utarbetandet av integrationsplanen '
        'eller annan hänvisning till tjänster"; den sektorsövergripande planen, integrationsplanen '
        "för familjen och uppgiften om att ingen plan utarbetas (promemorians motivering) finns inte "
        "i förordningens text.",
        '874/2024 keeps only "the planned time of the integration plan or other referral to '
        "services\"; the multisectoral plan, the family plan and 'no plan, with the reason' (the "
        "memo's explanatory text) are not in its text.",
    ),
)
ASSESS_FAMILY = LegalBasis(
    act=(14, 15, 21),
    memo="1 § 1 mom.",
    in_874=In874.UNVERIFIED,
    note=T(
        "Perheen kotoutumissuunnitelma puuttuu asetuksen 874/2024 1-2 §:stä, ja ohjeistuksen "
        'sisältöluettelossa on "kotoutumissuunnitelman tarve", ei perheen kotoutumissuunnitelman tarve.',
        "Integrationsplanen för familjen saknas i 1-2 § i förordning 874/2024, och anvisningarnas "
        'förteckning över innehållet har "behov av en integrationsplan", inte behov av en '
        "integrationsplan för familjen.",
        "The family plan is not in 874/2024 §§ 1-2, and the guidance's list of content has 'need for "
        "an integration plan', not for a family plan.",
    ),
)
ASSESS_REASONS = LegalBasis(
    act=(14, 15),
    memo="1 § 1 mom. (perustelut)",
    in_874=In874.UNVERIFIED,
    note=T(
        "Muistion perusteluissa mainittu kirjaus.",
        "Registrering som nämns i promemorians motivering.",
        "An entry named in the memo's explanatory text.",
    ),
)
ASSESS_CHANGED = LegalBasis(
    act=(14, 15),
    memo="1 § 1 mom.",
    decree_874="1 § 1 mom.",
    in_874=In874.CHANGED,
    note=T(
        "Muistion 'hankitut asiantuntija-arviot' ovat asetuksessa 874/2024 'mahdolliset tarkentavat "
        "toimenpiteet'.",
        "Promemorians 'expertbedömningar som inhämtats' är i förordning 874/2024 'eventuella "
        "preciserande åtgärder'.",
        "The memo's 'expert assessments obtained' became 'possible specifying measures' in 874/2024.",
    ),
)
ASSESS_MULTI = LegalBasis(
    act=(15,),
    memo="1 § 1 mom.",
    in_874=In874.NO,
    note=T(
        "Asetuksen 874/2024 1 § mainitsee vain perusarvioinnin (14 §).",
        "Förordning 874/2024 1 § nämner endast den grundläggande bedömningen (14 §).",
        "874/2024 § 1 names only the basic assessment (14 §).",
    ),
)
ASSESS_OTHER = LegalBasis(act=(14, 15), memo="1 § 2 mom.", decree_874="1 § 2 mom.", in_874=In874.YES)
PLAN = LegalBasis(act=(16, 17, 21), memo="2 § 1 mom.", decree_874="2 § 1 mom.", in_874=In874.YES)
PLAN_874 = LegalBasis(
    act=(16, 17, 21),
    decree_874="2 § 1 mom.",
    in_874=In874.YES,
    note=T(
        "Lisätty annetussa asetuksessa 874/2024; ei muistiossa.",
        "Tillagt i den utfärdade förordningen 874/2024; inte i promemorian.",
        "Added by the issued decree 874/2024; not in the memo.",
    ),
)
PLAN_EXTENSION = LegalBasis(
    act=(16, 17, 21),
    memo="2 § 1 mom.; 3 § 4 mom.",
    in_874=In874.UNVERIFIED,
    note=T(
        "Asetus 874/2024 mainitsee suunnitelman keston, ei pidemmän keston perustetta; perusteita ei "
        "löytynyt luetuista lähteistä.",
        "Förordning 874/2024 nämner planens varaktighet, inte en grund för längre varaktighet; "
        "grunderna hittades inte i de källor som lästs.",
        "874/2024 names the plan's duration, not an extension ground; the grounds were not found in "
        "the sources read.",
    ),
)
PLAN_COUNTY = LegalBasis(
    act=(17,),
    in_874=In874.NOT_APPLICABLE,
    note=T(
        "Hankkeen rakenteellinen lisäys: muistio ja asetus 874/2024 eivät mainitse tätä tietoa.",
        "Projektets strukturella tillägg: varken promemorian eller förordning 874/2024 nämner uppgiften.",
        "A structural project addition: neither the memo nor 874/2024 names this item.",
    ),
)
PLAN_OTHER = LegalBasis(act=(16, 17, 21), memo="2 § 2 mom.", decree_874="2 § 2 mom.", in_874=In874.YES)
PLAN_FAMILY = LegalBasis(
    act=(21,),
    memo="2 § 1 mom.",
    in_874=In874.NO,
    note=T(
        "Asetuksen 874/2024 2 § mainitsee vain kotoutumissuunnitelman (16 §).",
        "Förordning 874/2024 2 § nämner endast integrationsplanen (16 §).",
        "874/2024 § 2 names only the integration plan (16 §).",
    ),
)
REVIEW = LegalBasis(act=(22,), memo="3 § 4 mom.", in_874=In874.UNVERIFIED)
REVIEW_GENERAL = LegalBasis(act=(22,), memo="3 § 1 ja 3 mom.", in_874=In874.UNVERIFIED)
REVIEW_COUNTY = LegalBasis(act=(22,), memo="3 § 2 mom.", in_874=In874.UNVERIFIED)
REVIEW_OTHER = LegalBasis(act=(22,), memo="3 § 5 mom.", in_874=In874.UNVERIFIED)
GUIDANCE = LegalBasis(act=(10,), memo="4 §", in_874=In874.UNVERIFIED)
TRANSITION = LegalBasis(act=(76, 102), memo="5 §; laki 102 § 4 mom.", in_874=In874.UNVERIFIED)


def F(
    label: Text,
    definition: Text,
    basis: LegalBasis | None = None,
    *,
    example: Any,
    ob: Obligation = Obligation.SHALL,
    actors: tuple[Actor, ...] = MUN,
    items: tuple[str, ...] = (),
    condition: Text | None = None,
    addition: Text | None = None,
    ob_by_kind: tuple[tuple[str, Obligation], ...] = (),
    when: When | None = None,
) -> FieldMeta:
    """Declare a field's catalogue entry (used inside ``Annotated``).

    ``basis`` may be left out for fields nested in an object: they take the legal basis of the
    record-level field they belong to (a referral means one thing in an assessment, another in
    guidance). ``when`` is the ``condition`` in machine-readable form, when its trigger is a
    sibling field (the words stay: they are what people read).
    """
    if ob is Obligation.CONDITIONAL and condition is None:
        raise ValueError(f"conditional field {label.en!r} needs a condition")
    if when is not None and condition is None:
        raise ValueError(f"field {label.en!r}: a machine-readable condition needs its words too")
    return FieldMeta(
        label=label,
        definition=definition,
        basis=basis,
        obligation=ob,
        actors=actors,
        example=example,
        items=items,
        condition=condition,
        project_addition=addition,
        obligation_by_kind=ob_by_kind,
        applies_when=when,
    )
