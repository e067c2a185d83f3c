"""Demo languages: Polish, Nepali and Arabic, switched on and kept in step with English.

Runs last in `load_demo_content`, after every app has made its pages, so each
English page gets an untranslated copy (an alias) in every language. A few pages
are then translated through wagtail-localize itself, the same way an editor's
translation is saved, so the translation editor shows them as translated.

THE TRANSLATIONS BELOW ARE DEMO CONTENT WRITTEN BY A NON-NATIVE SPEAKER.
A native speaker must review every string before any real use.

To translate another page:

    from demo.languages import translate_page
    translate_page(page, "pl", {"Refer yourself": "Zgłoś się", ...})

Strings are matched on the exact English text of each segment; any segment left
out keeps its English words.
"""

import polib

from django.conf import settings

from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.synctree import synchronize_tree

DEMO_LANGUAGES = ["pl", "ne", "ar"]


def ensure_locales(language_codes=DEMO_LANGUAGES):
    """Switch the languages on, each synchronised from English."""
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    locales = []
    for code in language_codes:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
        locales.append(locale)
    return source, locales


def synchronise(source, locales):
    """Give every English page a copy in each language (pages made outside the admin)."""
    for locale in locales:
        synchronize_tree(source, locale)


def translate_page(page, language_code, strings, user=None):
    """Translate `page` into `language_code` with wagtail-localize and publish it.

    `strings` maps each English segment to its translation. Returns the translated page.
    Safe to run again: strings are updated and the translation is published once more."""
    locale = Locale.objects.get(language_code=language_code)
    page = page.specific
    TranslationCreator(user, [locale]).create_translations(page)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.get(source=source, target_locale=locale)
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": str(translation.uuid)}
    for entry in translation.export_po():
        if entry.msgid in strings:
            po.append(
                polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=strings[entry.msgid])
            )
    translation.import_po(po, user=user, tool_name="Demo content")
    translation.save_target(user=user, publish=True)
    return page.get_translation(locale)


def is_translated(page, language_code):
    other = page.get_translation_or_none(Locale.objects.get(language_code=language_code))
    return other is not None and other.alias_of_id is None


# Each string is the English text of one segment, as wagtail-localize extracts it.
# NATIVE SPEAKER REVIEW NEEDED for everything below.
HOME = {
    "pl": {
        "Home": "Strona główna",
        "Restorative justice in Fenmoor and Saltcombe": "Sprawiedliwość naprawcza w Fenmoor i Saltcombe",
        "Free, safe and voluntary restorative justice for people harmed by crime and people who caused harm in Fenmoor and Saltcombe.": "Bezpłatna, bezpieczna i dobrowolna sprawiedliwość naprawcza dla osób poszkodowanych przez przestępstwo i dla sprawców w Fenmoor i Saltcombe.",
        "Talk about what happened. Be heard. Move on.": "Porozmawiaj o tym, co się stało. Zostań wysłuchany. Idź dalej.",
        "Restorative justice lets people harmed by crime talk with the person who caused the harm, safely and with trained help. It is free, and it is always your choice.": "Sprawiedliwość naprawcza pozwala osobom poszkodowanym przez przestępstwo porozmawiać z osobą, która wyrządziła krzywdę – bezpiecznie i z pomocą przeszkolonej osoby. Jest bezpłatna i zawsze to Ty decydujesz.",
        "What is restorative justice?": "Czym jest sprawiedliwość naprawcza?",
        "Crime can leave you with questions that only the person who did it can answer. Restorative justice brings you together, in a meeting or by letter, with a trained facilitator there the whole time.": "Po przestępstwie mogą zostać pytania, na które odpowie tylko osoba, która je popełniła. Sprawiedliwość naprawcza pozwala wam się spotkać albo wymienić listy, a przez cały czas jest z wami przeszkolony mediator.",
        "You can say how it affected you. They can explain and take responsibility. Many people say it helped them feel safer and move on.": "Możesz powiedzieć, jak to na Ciebie wpłynęło. Druga osoba może wyjaśnić i wziąć odpowiedzialność. Wiele osób mówi, że dzięki temu czuje się bezpieczniej i może iść dalej.",
        "Refer yourself": "Zgłoś się",
        "Ask for restorative justice. It takes about 10 minutes.": "Poproś o sprawiedliwość naprawczą. To zajmuje około 10 minut.",
        "Start your referral": "Rozpocznij zgłoszenie",
        "Watch the films": "Obejrzyj filmy",
        "Short films of people who took part, with captions.": "Krótkie filmy z napisami o osobach, które wzięły udział.",
        "Read local stories": "Przeczytaj lokalne historie",
        "What happened when people in our area took part.": "Co się stało, gdy osoby z naszej okolicy wzięły udział.",
        "Read their stories": "Przeczytaj ich historie",
        "Come to an event": "Przyjdź na wydarzenie",
        "Meet the team at events near you, including Restorative Justice Week.": "Poznaj nasz zespół na wydarzeniach w Twojej okolicy, także w Tygodniu Sprawiedliwości Naprawczej.",
        "See events": "Zobacz wydarzenia",
    },
    "ne": {
        "Home": "गृहपृष्ठ",
        "Restorative justice in Fenmoor and Saltcombe": "फेनमुर र साल्टकोममा पुनर्स्थापनात्मक न्याय",
        "Free, safe and voluntary restorative justice for people harmed by crime and people who caused harm in Fenmoor and Saltcombe.": "फेनमुर र साल्टकोममा अपराधबाट पीडित र हानि पुर्‍याउने व्यक्तिहरूका लागि निःशुल्क, सुरक्षित र स्वैच्छिक पुनर्स्थापनात्मक न्याय।",
        "Talk about what happened. Be heard. Move on.": "के भयो भनेर कुरा गर्नुहोस्। आफ्नो कुरा सुनाउनुहोस्। अगाडि बढ्नुहोस्।",
        "Restorative justice lets people harmed by crime talk with the person who caused the harm, safely and with trained help. It is free, and it is always your choice.": "पुनर्स्थापनात्मक न्यायले अपराधबाट पीडित व्यक्तिलाई हानि पुर्‍याउने व्यक्तिसँग सुरक्षित रूपमा र तालिमप्राप्त सहयोगीको साथमा कुरा गर्ने अवसर दिन्छ। यो निःशुल्क छ, र निर्णय सधैं तपाईंको हो।",
        "What is restorative justice?": "पुनर्स्थापनात्मक न्याय भनेको के हो?",
        "Crime can leave you with questions that only the person who did it can answer. Restorative justice brings you together, in a meeting or by letter, with a trained facilitator there the whole time.": "अपराधपछि तपाईंसँग यस्ता प्रश्नहरू रहन सक्छन्, जसको जवाफ त्यो गर्ने व्यक्तिले मात्र दिन सक्छ। पुनर्स्थापनात्मक न्यायले तपाईंहरूलाई भेटघाट वा चिठीमार्फत जोड्छ, र तालिमप्राप्त सहजकर्ता सधैं साथमा हुन्छन्।",
        "You can say how it affected you. They can explain and take responsibility. Many people say it helped them feel safer and move on.": "यसले तपाईंलाई कस्तो असर गर्‍यो भनेर भन्न सक्नुहुन्छ। अर्को व्यक्तिले कारण बताउन र जिम्मेवारी लिन सक्छ। धेरै मानिसहरू भन्छन् कि यसले उनीहरूलाई सुरक्षित महसुस गर्न र अगाडि बढ्न मद्दत गर्‍यो।",
        "Refer yourself": "आफैं अनुरोध गर्नुहोस्",
        "Ask for restorative justice. It takes about 10 minutes.": "पुनर्स्थापनात्मक न्यायका लागि अनुरोध गर्नुहोस्। यसमा करिब १० मिनेट लाग्छ।",
        "Start your referral": "अनुरोध सुरु गर्नुहोस्",
        "Watch the films": "फिल्महरू हेर्नुहोस्",
        "Short films of people who took part, with captions.": "भाग लिएका मानिसहरूका छोटा फिल्महरू, उपशीर्षकसहित।",
        "Read local stories": "स्थानीय कथाहरू पढ्नुहोस्",
        "What happened when people in our area took part.": "हाम्रो क्षेत्रका मानिसहरूले भाग लिँदा के भयो।",
        "Read their stories": "उनीहरूका कथाहरू पढ्नुहोस्",
        "Come to an event": "कार्यक्रममा आउनुहोस्",
        "Meet the team at events near you, including Restorative Justice Week.": "पुनर्स्थापनात्मक न्याय सप्ताहसहित तपाईंको नजिकका कार्यक्रमहरूमा हाम्रो टोलीलाई भेट्नुहोस्।",
        "See events": "कार्यक्रमहरू हेर्नुहोस्",
    },
    "ar": {
        "Home": "الصفحة الرئيسية",
        "Restorative justice in Fenmoor and Saltcombe": "العدالة التصالحية في فنمور وسولتكوم",
        "Free, safe and voluntary restorative justice for people harmed by crime and people who caused harm in Fenmoor and Saltcombe.": "عدالة تصالحية مجانية وآمنة وطوعية للمتضررين من الجرائم ولمن تسببوا في الضرر في فنمور وسولتكوم.",
        "Talk about what happened. Be heard. Move on.": "تحدَّث عمّا حدث. ليُسمَع صوتك. وامضِ قُدُماً.",
        "Restorative justice lets people harmed by crime talk with the person who caused the harm, safely and with trained help. It is free, and it is always your choice.": "تتيح العدالة التصالحية للمتضررين من الجريمة التحدث مع الشخص الذي تسبب في الضرر، بأمان وبمساعدة أشخاص مدرَّبين. إنها مجانية، والقرار لك دائماً.",
        "What is restorative justice?": "ما هي العدالة التصالحية؟",
        "Crime can leave you with questions that only the person who did it can answer. Restorative justice brings you together, in a meeting or by letter, with a trained facilitator there the whole time.": "قد تترك الجريمة لديك أسئلة لا يجيب عنها إلا من ارتكبها. تجمعكما العدالة التصالحية، في لقاء أو عبر رسالة، مع وسيط مدرَّب حاضر طوال الوقت.",
        "You can say how it affected you. They can explain and take responsibility. Many people say it helped them feel safer and move on.": "يمكنك أن تقول كيف أثّر ذلك عليك. ويمكن للطرف الآخر أن يشرح ويتحمّل المسؤولية. يقول كثيرون إن ذلك ساعدهم على الشعور بأمان أكبر والمضي قُدُماً.",
        "Refer yourself": "قدِّم طلبك بنفسك",
        "Ask for restorative justice. It takes about 10 minutes.": "اطلب العدالة التصالحية. يستغرق ذلك نحو 10 دقائق.",
        "Start your referral": "ابدأ طلبك",
        "Watch the films": "شاهد الأفلام",
        "Short films of people who took part, with captions.": "أفلام قصيرة مع ترجمة نصية عن أشخاص شاركوا.",
        "Read local stories": "اقرأ قصصاً محلية",
        "What happened when people in our area took part.": "ماذا حدث عندما شارك أشخاص من منطقتنا.",
        "Read their stories": "اقرأ قصصهم",
        "Come to an event": "احضر إحدى الفعاليات",
        "Meet the team at events near you, including Restorative Justice Week.": "قابل الفريق في فعاليات قريبة منك، ومنها أسبوع العدالة التصالحية.",
        "See events": "اطّلع على الفعاليات",
    },
}

WHAT_IS_RJ = {
    "pl": {
        "What is restorative justice?": "Czym jest sprawiedliwość naprawcza?",
        "What restorative justice is, who it is for and what happens.": "Czym jest sprawiedliwość naprawcza, dla kogo jest i jak przebiega.",
        "Restorative justice gives you the chance to talk with the person who harmed you, or who you harmed.": "Sprawiedliwość naprawcza daje szansę na rozmowę między osobą poszkodowaną a osobą, która wyrządziła krzywdę.",
        "Who it is for": "Dla kogo to jest",
        "It is for anyone harmed by a crime or by anti-social behaviour, and for people who caused harm and want to put things right. It does not matter how long ago it happened, or whether anyone went to court.": "Dla każdego, kto ucierpiał z powodu przestępstwa lub zachowania aspołecznego, oraz dla osób, które wyrządziły krzywdę i chcą to naprawić. Nie ma znaczenia, jak dawno to się stało ani czy sprawa trafiła do sądu.",
        "What happens": "Jak to przebiega",
        "You get in touch, or someone refers you.": "Kontaktujesz się z nami albo ktoś Cię do nas kieruje.",
        "A facilitator calls you to listen and answer your questions.": "Mediator dzwoni do Ciebie, aby Cię wysłuchać i odpowiedzieć na pytania.",
        "They talk with the other person too, and check it is safe.": "Rozmawia też z drugą osobą i sprawdza, czy to bezpieczne.",
        "If you both want to go ahead, you choose how: a meeting, a letter, or messages passed on by the facilitator.": "Jeśli oboje chcecie kontynuować, wybieracie formę: spotkanie, list albo wiadomości przekazywane przez mediatora.",
        "It is your choice": "To Twoja decyzja",
        "Restorative justice is voluntary. You can stop at any time, and saying no will not affect any other support or any court case.": "Udział jest dobrowolny. Możesz zrezygnować w każdej chwili, a odmowa nie wpłynie na inne wsparcie ani na sprawę w sądzie.",
        "Common questions": "Częste pytania",
        "Do I have to meet the other person?": "Czy muszę spotkać się z drugą osobą?",
        "No. Many people write a letter, or ask the facilitator to pass on messages.": "Nie. Wiele osób pisze list albo prosi mediatora o przekazanie wiadomości.",
        "Does it cost anything?": "Czy to coś kosztuje?",
        "No. The service is free. It is paid for by the Police and Crime Commissioner.": "Nie. Usługa jest bezpłatna. Płaci za nią Komisarz ds. Policji i Przestępczości.",
        "Will it change a sentence?": "Czy to zmieni wyrok?",
        "No. Taking part does not make a sentence shorter or longer.": "Nie. Udział nie skraca ani nie wydłuża wyroku.",
        "I wanted to know why it was my house. Now I know, and I sleep better.": "Chciałem wiedzieć, dlaczego to był mój dom. Teraz wiem i lepiej śpię.",
        "A man whose home was burgled": "Mężczyzna, do którego domu się włamano",
    },
    "ne": {
        "What is restorative justice?": "पुनर्स्थापनात्मक न्याय भनेको के हो?",
        "What restorative justice is, who it is for and what happens.": "पुनर्स्थापनात्मक न्याय के हो, कसका लागि हो र के हुन्छ।",
        "Restorative justice gives you the chance to talk with the person who harmed you, or who you harmed.": "पुनर्स्थापनात्मक न्यायले तपाईंलाई हानि पुर्‍याउने व्यक्तिसँग, वा तपाईंले हानि पुर्‍याएको व्यक्तिसँग कुरा गर्ने अवसर दिन्छ।",
        "Who it is for": "यो कसका लागि हो",
        "It is for anyone harmed by a crime or by anti-social behaviour, and for people who caused harm and want to put things right. It does not matter how long ago it happened, or whether anyone went to court.": "यो अपराध वा असामाजिक व्यवहारबाट हानि भोगेका जो कोहीका लागि हो, र हानि पुर्‍याएर त्यसलाई सच्याउन चाहने मानिसहरूका लागि पनि हो। घटना कहिले भयो वा मुद्दा अदालत पुग्यो कि पुगेन, त्यसले फरक पार्दैन।",
        "What happens": "के हुन्छ",
        "You get in touch, or someone refers you.": "तपाईं हामीलाई सम्पर्क गर्नुहुन्छ, वा कसैले तपाईंलाई हामीकहाँ पठाउँछ।",
        "A facilitator calls you to listen and answer your questions.": "एक सहजकर्ताले तपाईंको कुरा सुन्न र प्रश्नहरूको जवाफ दिन फोन गर्छन्।",
        "They talk with the other person too, and check it is safe.": "उनीहरू अर्को व्यक्तिसँग पनि कुरा गर्छन्, र यो सुरक्षित छ कि छैन जाँच गर्छन्।",
        "If you both want to go ahead, you choose how: a meeting, a letter, or messages passed on by the facilitator.": "तपाईं दुवै अगाडि बढ्न चाहनुहुन्छ भने तरिका तपाईंहरू नै छान्नुहुन्छ: भेटघाट, चिठी, वा सहजकर्तामार्फत पठाइने सन्देश।",
        "It is your choice": "यो तपाईंको रोजाइ हो",
        "Restorative justice is voluntary. You can stop at any time, and saying no will not affect any other support or any court case.": "यो स्वैच्छिक हो। तपाईं जुनसुकै बेला रोक्न सक्नुहुन्छ, र अस्वीकार गर्दा अरू कुनै सहयोग वा अदालतको मुद्दामा असर पर्दैन।",
        "Common questions": "धेरै सोधिने प्रश्नहरू",
        "Do I have to meet the other person?": "के मैले अर्को व्यक्तिलाई भेट्नैपर्छ?",
        "No. Many people write a letter, or ask the facilitator to pass on messages.": "पर्दैन। धेरै मानिसहरू चिठी लेख्छन्, वा सहजकर्तालाई सन्देश पुर्‍याइदिन भन्छन्।",
        "Does it cost anything?": "के यसमा पैसा लाग्छ?",
        "No. The service is free. It is paid for by the Police and Crime Commissioner.": "लाग्दैन। यो सेवा निःशुल्क छ। यसको खर्च प्रहरी तथा अपराध आयुक्तले बेहोर्छन्।",
        "Will it change a sentence?": "के यसले सजाय बदल्छ?",
        "No. Taking part does not make a sentence shorter or longer.": "बदल्दैन। भाग लिँदा सजाय छोटो वा लामो हुँदैन।",
        "I wanted to know why it was my house. Now I know, and I sleep better.": "मेरो घर नै किन भनेर म जान्न चाहन्थें। अब मलाई थाहा छ, र म राम्ररी सुत्छु।",
        "A man whose home was burgled": "घरमा चोरी भएका एक पुरुष",
    },
    "ar": {
        "What is restorative justice?": "ما هي العدالة التصالحية؟",
        "What restorative justice is, who it is for and what happens.": "ما هي العدالة التصالحية، ولمن هي، وماذا يحدث فيها.",
        "Restorative justice gives you the chance to talk with the person who harmed you, or who you harmed.": "تمنحك العدالة التصالحية فرصة التحدث مع الشخص الذي أساء إليك، أو الشخص الذي أسأت إليه.",
        "Who it is for": "لمن هي؟",
        "It is for anyone harmed by a crime or by anti-social behaviour, and for people who caused harm and want to put things right. It does not matter how long ago it happened, or whether anyone went to court.": "هي لكل من تضرر من جريمة أو سلوك معادٍ للمجتمع، ولمن تسببوا في ضرر ويريدون إصلاحه. لا يهم متى حدث ذلك، ولا إن كانت القضية قد وصلت إلى المحكمة.",
        "What happens": "ماذا يحدث؟",
        "You get in touch, or someone refers you.": "تتواصل معنا، أو يحيلك إلينا شخص آخر.",
        "A facilitator calls you to listen and answer your questions.": "يتصل بك وسيط ليستمع إليك ويجيب عن أسئلتك.",
        "They talk with the other person too, and check it is safe.": "ويتحدث أيضاً مع الطرف الآخر، ويتأكد من أن الأمر آمن.",
        "If you both want to go ahead, you choose how: a meeting, a letter, or messages passed on by the facilitator.": "إذا أردتما المضي قُدُماً، تختاران الطريقة: لقاء، أو رسالة، أو رسائل ينقلها الوسيط.",
        "It is your choice": "القرار لك",
        "Restorative justice is voluntary. You can stop at any time, and saying no will not affect any other support or any court case.": "المشاركة طوعية. يمكنك التوقف في أي وقت، ورفضك لن يؤثر على أي دعم آخر أو أي قضية في المحكمة.",
        "Common questions": "أسئلة شائعة",
        "Do I have to meet the other person?": "هل يجب أن أقابل الطرف الآخر؟",
        "No. Many people write a letter, or ask the facilitator to pass on messages.": "لا. يكتب كثيرون رسالة، أو يطلبون من الوسيط نقل الرسائل.",
        "Does it cost anything?": "هل له أي تكلفة؟",
        "No. The service is free. It is paid for by the Police and Crime Commissioner.": "لا. الخدمة مجانية، ويموّلها مفوّض الشرطة والجريمة.",
        "Will it change a sentence?": "هل سيغيّر ذلك الحكم؟",
        "No. Taking part does not make a sentence shorter or longer.": "لا. المشاركة لا تجعل الحكم أقصر أو أطول.",
        "I wanted to know why it was my house. Now I know, and I sleep better.": "أردت أن أعرف لماذا كان بيتي. الآن أعرف، وأنام بشكل أفضل.",
        "A man whose home was burgled": "رجل تعرّض منزله للسرقة",
    },
}

IS_IT_SAFE = {
    "pl": {
        "Is it safe?": "Czy to bezpieczne?",
        "How we keep you safe before, during and after restorative justice.": "Jak dbamy o Twoje bezpieczeństwo przed sprawiedliwością naprawczą, w jej trakcie i po niej.",
        "Your safety comes first. We only go ahead when it is safe for everyone.": "Twoje bezpieczeństwo jest najważniejsze. Działamy dalej tylko wtedy, gdy jest to bezpieczne dla wszystkich.",
        "Before anything happens": "Zanim cokolwiek się wydarzy",
        "A trained facilitator meets each person on their own first. They check the risks and talk with the police, probation or support services if they need to.": "Przeszkolony mediator najpierw spotyka się z każdą osobą osobno. Sprawdza zagrożenia i w razie potrzeby rozmawia z policją, kuratorem lub służbami wsparcia.",
        "Domestic abuse and sexual harm": "Przemoc domowa i krzywda seksualna",
        "We only offer restorative justice after these crimes with specially trained facilitators and extra safety checks. We will never put you in touch with someone who could use it to harm you again.": "Po takich przestępstwach proponujemy sprawiedliwość naprawczą tylko ze specjalnie przeszkolonymi mediatorami i dodatkowymi kontrolami bezpieczeństwa. Nigdy nie skontaktujemy Cię z kimś, kto mógłby to wykorzystać, by znów Cię skrzywdzić.",
        "You stay in control": "Ty decydujesz",
        "You decide how we contact you and when. You can stop at any point, even on the day of a meeting.": "To Ty decydujesz, jak i kiedy się z Tobą kontaktujemy. Możesz przerwać w każdej chwili, nawet w dniu spotkania.",
    },
    "ne": {
        "Is it safe?": "के यो सुरक्षित छ?",
        "How we keep you safe before, during and after restorative justice.": "पुनर्स्थापनात्मक न्यायअघि, बीचमा र पछि हामी तपाईंलाई कसरी सुरक्षित राख्छौं।",
        "Your safety comes first. We only go ahead when it is safe for everyone.": "तपाईंको सुरक्षा पहिलो हो। सबैका लागि सुरक्षित हुँदा मात्र हामी अगाडि बढ्छौं।",
        "Before anything happens": "केही हुनुअघि",
        "A trained facilitator meets each person on their own first. They check the risks and talk with the police, probation or support services if they need to.": "तालिमप्राप्त सहजकर्ताले पहिले प्रत्येक व्यक्तिलाई छुट्टाछुट्टै भेट्छन्। उनीहरू जोखिम जाँच्छन् र आवश्यक परे प्रहरी, प्रोबेसन वा सहयोग सेवासँग कुरा गर्छन्।",
        "Domestic abuse and sexual harm": "घरेलु दुर्व्यवहार र यौन हानि",
        "We only offer restorative justice after these crimes with specially trained facilitators and extra safety checks. We will never put you in touch with someone who could use it to harm you again.": "यस्ता अपराधपछि हामी विशेष तालिमप्राप्त सहजकर्ता र थप सुरक्षा जाँचसहित मात्र पुनर्स्थापनात्मक न्याय प्रस्ताव गर्छौं। तपाईंलाई फेरि हानि पुर्‍याउन सक्ने कसैसँग हामी कहिल्यै सम्पर्क गराउँदैनौं।",
        "You stay in control": "नियन्त्रण तपाईंकै हातमा",
        "You decide how we contact you and when. You can stop at any point, even on the day of a meeting.": "हामीले तपाईंलाई कसरी र कहिले सम्पर्क गर्ने भन्ने तपाईं आफैं निर्णय गर्नुहुन्छ। तपाईं जुनसुकै बेला, भेटघाटकै दिन पनि, रोक्न सक्नुहुन्छ।",
    },
    "ar": {
        "Is it safe?": "هل هي آمنة؟",
        "How we keep you safe before, during and after restorative justice.": "كيف نحافظ على سلامتك قبل العدالة التصالحية وأثناءها وبعدها.",
        "Your safety comes first. We only go ahead when it is safe for everyone.": "سلامتك أولاً. لا نمضي قُدُماً إلا إذا كان ذلك آمناً للجميع.",
        "Before anything happens": "قبل أن يحدث أي شيء",
        "A trained facilitator meets each person on their own first. They check the risks and talk with the police, probation or support services if they need to.": "يلتقي وسيط مدرَّب بكل شخص على حدة أولاً. يقيّم المخاطر ويتحدث مع الشرطة أو مراقبي السلوك أو خدمات الدعم عند الحاجة.",
        "Domestic abuse and sexual harm": "العنف الأسري والأذى الجنسي",
        "We only offer restorative justice after these crimes with specially trained facilitators and extra safety checks. We will never put you in touch with someone who could use it to harm you again.": "لا نعرض العدالة التصالحية بعد هذه الجرائم إلا مع وسطاء مدرَّبين خصيصاً وفحوص سلامة إضافية. لن نضعك أبداً على تواصل مع شخص قد يستغل ذلك لإيذائك مرة أخرى.",
        "You stay in control": "القرار بيدك",
        "You decide how we contact you and when. You can stop at any point, even on the day of a meeting.": "أنت تقرر كيف ومتى نتواصل معك. يمكنك التوقف في أي لحظة، حتى في يوم اللقاء.",
    },
}

# The self-referral page's own words (its form's questions are interface strings, in locale/).
SELF_REFERRAL = {
    "pl": {
        "Refer yourself": "Zgłoś się",
        "Ask for restorative justice. It is free, and you can stop at any time.": "Poproś o sprawiedliwość naprawczą. Jest bezpłatna i możesz zrezygnować w każdej chwili.",
        "Use this form to ask for restorative justice. You can ask if you were harmed by a crime, if you caused harm, or for someone you support.": "Ten formularz służy do zgłoszenia się po sprawiedliwość naprawczą. Możesz się zgłosić, jeśli ucierpiałeś / ucierpiałaś z powodu przestępstwa, jeśli wyrządziłeś / wyrządziłaś krzywdę albo w imieniu osoby, której pomagasz.",
        "It is free. It takes about 10 minutes. Saying yes now does not mean you have to meet anyone, and you can stop at any time.": "Jest bezpłatna. Wypełnienie zajmuje około 10 minut. Zgoda teraz nie oznacza, że musisz się z kimkolwiek spotkać, i możesz zrezygnować w każdej chwili.",
        "Questions you can skip say (optional).": "Pytania, które możesz pominąć, mają dopisek (opcjonalnie).",
        "A coordinator reads your form, usually within 2 working days.": "Koordynator czyta Twój formularz, zwykle w ciągu 2 dni roboczych.",
        "They contact you in the way you chose, at a time you said is safe.": "Kontaktuje się z Tobą w wybrany przez Ciebie sposób, w porze, którą wskazałeś / wskazałaś jako bezpieczną.",
        "They listen, answer your questions and talk about what you would like to happen.": "Wysłucha Cię, odpowie na pytania i porozmawia o tym, czego chcesz.",
        "Nothing else happens unless you want it to.": "Nic więcej się nie dzieje, jeśli tego nie chcesz.",
        'Only the restorative justice team can see your answers. We use them to contact you about restorative justice and for nothing else. We delete your contact details one year after your case closes. Read our <a id="a1">privacy notice</a>.': 'Twoje odpowiedzi widzi tylko zespół sprawiedliwości naprawczej. Używamy ich tylko do kontaktu w sprawie sprawiedliwości naprawczej. Usuwamy Twoje dane kontaktowe rok po zamknięciu sprawy. Przeczytaj naszą <a id="a1">informację o prywatności</a>.',
        "Your referral has been sent": "Twoje zgłoszenie zostało wysłane",
        "If you do not hear from us by then, or you want to change how we contact you, phone us and give your reference number.": "Jeśli do tego dnia się nie odezwiemy albo chcesz zmienić sposób kontaktu, zadzwoń do nas i podaj numer zgłoszenia.",
        "If you are in danger now, call 999.": "Jeśli grozi Ci teraz niebezpieczeństwo, zadzwoń pod 999.",
        "You can use this form if:": "Możesz skorzystać z tego formularza, jeśli:",
        "you were harmed by a crime or by anti-social behaviour": "ucierpiałeś / ucierpiałaś z powodu przestępstwa lub zachowania antyspołecznego",
        "you caused harm and want to take responsibility for it": "wyrządziłeś / wyrządziłaś krzywdę i chcesz wziąć za nią odpowiedzialność",
        "you are asking for someone else who knows about it and agrees": "zwracasz się w imieniu innej osoby, która o tym wie i się zgadza",
        "It must have happened in Fenmoor or Saltcombe, or you must live here now. It does not matter how long ago it happened, or whether anyone reported it to the police.": "Zdarzenie musiało mieć miejsce w Fenmoor lub Saltcombe albo musisz tu teraz mieszkać. Nie ma znaczenia, jak dawno to się stało ani czy ktoś zgłosił to na policję.",
        "Under-18s can use it too: we pass their referral to the youth service in their area.": "Osoby poniżej 18 lat też mogą z niego skorzystać: przekazujemy ich zgłoszenie do służb dla młodzieży w ich okolicy.",
        "Restorative justice can sometimes help after domestic abuse or sexual harm, but only when it is safe. Facilitators with extra training handle these cases. They check carefully for control or pressure from the other person, and work alongside specialist support services.": "Sprawiedliwość naprawcza czasem może pomóc po przemocy domowej lub krzywdzie seksualnej, ale tylko wtedy, gdy jest to bezpieczne. Takimi sprawami zajmują się mediatorzy z dodatkowym przeszkoleniem. Dokładnie sprawdzają, czy druga osoba nie wywiera kontroli ani presji, i współpracują ze specjalistycznymi służbami wsparcia.",
        "If you have been convicted of a sexual offence, we cannot take a referral from you through this form. Talk to your probation officer or offender manager instead: specialists decide whether any restorative work could be safe.": "Jeśli skazano Cię za przestępstwo seksualne, nie możemy przyjąć od Ciebie zgłoszenia przez ten formularz. Porozmawiaj zamiast tego ze swoim kuratorem lub opiekunem w zakładzie karnym: specjaliści zdecydują, czy jakiekolwiek działania naprawcze mogą być bezpieczne.",
        "If you are the victim of a crime by an adult, the Victims' Code gives you the right to be told about restorative justice, and how to take part where a service is available.": "Jeśli jesteś ofiarą przestępstwa popełnionego przez osobę dorosłą, Kodeks praw ofiar (Victims' Code) daje Ci prawo do informacji o sprawiedliwości naprawczej i o tym, jak wziąć w niej udział, jeśli taka usługa jest dostępna.",
        "If nobody has told you about it, ask the police officer dealing with your case, or use this form.": "Jeśli nikt Ci o tym nie powiedział, zapytaj policjanta prowadzącego Twoją sprawę albo skorzystaj z tego formularza.",
        "If you are in danger now, call 999. If you cannot speak, call 999 from a mobile and press 55 when asked.": "Jeśli grozi Ci teraz niebezpieczeństwo, zadzwoń pod 999. Jeśli nie możesz mówić, zadzwoń pod 999 z telefonu komórkowego i na prośbę wciśnij 55.",
        "To report a crime that is not an emergency, call 101.": "Aby zgłosić przestępstwo, które nie jest nagłym wypadkiem, zadzwoń pod 101.",
        "If it happened somewhere else and you do not live here, contact the Police and Crime Commissioner for that area. Most have their own restorative justice service.": "Jeśli zdarzyło się to gdzie indziej i tu nie mieszkasz, skontaktuj się z komisarzem ds. policji i przestępczości (Police and Crime Commissioner) dla tamtego obszaru. Większość z nich ma własną usługę sprawiedliwości naprawczej.",
        '<a id="a1">Victim Support</a> helps anyone affected by crime, for free, whether or not it was reported.': '<a id="a1">Victim Support</a> bezpłatnie pomaga każdemu, kogo dotknęło przestępstwo, niezależnie od tego, czy zostało zgłoszone.',
    },
    "ne": {
        "Refer yourself": "आफैं अनुरोध गर्नुहोस्",
        "Ask for restorative justice. It is free, and you can stop at any time.": "पुनर्स्थापनात्मक न्यायका लागि अनुरोध गर्नुहोस्। यो निःशुल्क छ, र तपाईं जुनसुकै बेला रोक्न सक्नुहुन्छ।",
        "Use this form to ask for restorative justice. You can ask if you were harmed by a crime, if you caused harm, or for someone you support.": "पुनर्स्थापनात्मक न्यायका लागि अनुरोध गर्न यो फारम प्रयोग गर्नुहोस्। तपाईं अपराधबाट पीडित हुनुभएको छ, तपाईंले हानि पुर्‍याउनुभएको छ, वा तपाईंले सहयोग गर्ने कसैका लागि अनुरोध गर्न सक्नुहुन्छ।",
        "It is free. It takes about 10 minutes. Saying yes now does not mean you have to meet anyone, and you can stop at any time.": "यो निःशुल्क छ। यसमा करिब १० मिनेट लाग्छ। अहिले हो भन्नुको अर्थ कसैलाई भेट्नैपर्छ भन्ने होइन, र तपाईं जुनसुकै बेला रोक्न सक्नुहुन्छ।",
        "Questions you can skip say (optional).": "तपाईंले छोड्न सक्ने प्रश्नहरूमा (ऐच्छिक) लेखिएको छ।",
        "A coordinator reads your form, usually within 2 working days.": "एक संयोजकले सामान्यतया २ कार्य दिनभित्र तपाईंको फारम पढ्नुहुन्छ।",
        "They contact you in the way you chose, at a time you said is safe.": "उहाँले तपाईंले छानेको तरिकाले, तपाईंले सुरक्षित भन्नुभएको समयमा सम्पर्क गर्नुहुन्छ।",
        "They listen, answer your questions and talk about what you would like to happen.": "उहाँले तपाईंको कुरा सुन्नुहुन्छ, प्रश्नहरूको जवाफ दिनुहुन्छ र तपाईं के चाहनुहुन्छ भनेर कुरा गर्नुहुन्छ।",
        "Nothing else happens unless you want it to.": "तपाईं नचाहेसम्म अरू केही हुँदैन।",
        'Only the restorative justice team can see your answers. We use them to contact you about restorative justice and for nothing else. We delete your contact details one year after your case closes. Read our <a id="a1">privacy notice</a>.': 'तपाईंका जवाफहरू पुनर्स्थापनात्मक न्याय टोलीले मात्र हेर्न सक्छ। हामी तिनलाई पुनर्स्थापनात्मक न्यायबारे तपाईंलाई सम्पर्क गर्न मात्र प्रयोग गर्छौं। तपाईंको मुद्दा बन्द भएको एक वर्षपछि हामी तपाईंको सम्पर्क विवरण मेटाउँछौं। हाम्रो <a id="a1">गोपनीयता सूचना</a> पढ्नुहोस्।',
        "Your referral has been sent": "तपाईंको अनुरोध पठाइएको छ",
        "If you do not hear from us by then, or you want to change how we contact you, phone us and give your reference number.": "त्यो दिनसम्म हामीबाट खबर आएन भने, वा हामीले सम्पर्क गर्ने तरिका बदल्न चाहनुहुन्छ भने, हामीलाई फोन गरेर आफ्नो सन्दर्भ नम्बर बताउनुहोस्।",
        "If you are in danger now, call 999.": "तपाईं अहिले खतरामा हुनुहुन्छ भने 999 मा फोन गर्नुहोस्।",
        "You can use this form if:": "तपाईं यो फारम प्रयोग गर्न सक्नुहुन्छ, यदि:",
        "you were harmed by a crime or by anti-social behaviour": "तपाईं अपराध वा असामाजिक व्यवहारबाट पीडित हुनुभयो भने",
        "you caused harm and want to take responsibility for it": "तपाईंले हानि पुर्‍याउनुभयो र त्यसको जिम्मेवारी लिन चाहनुहुन्छ भने",
        "you are asking for someone else who knows about it and agrees": "तपाईं अरू कसैका लागि अनुरोध गर्दै हुनुहुन्छ, र उहाँलाई थाहा छ र उहाँ सहमत हुनुहुन्छ भने",
        "It must have happened in Fenmoor or Saltcombe, or you must live here now. It does not matter how long ago it happened, or whether anyone reported it to the police.": "घटना फेनमुर वा साल्टकोममा भएको हुनुपर्छ, वा तपाईं अहिले यहाँ बस्ने हुनुपर्छ। यो कति पहिले भएको हो, वा कसैले प्रहरीलाई खबर गरेको छ कि छैन भन्ने कुराले फरक पर्दैन।",
        "Under-18s can use it too: we pass their referral to the youth service in their area.": "१८ वर्षमुनिकाले पनि यो प्रयोग गर्न सक्छन्: हामी उनीहरूको अनुरोध उनीहरूको क्षेत्रको युवा सेवामा पठाउँछौं।",
        "Restorative justice can sometimes help after domestic abuse or sexual harm, but only when it is safe. Facilitators with extra training handle these cases. They check carefully for control or pressure from the other person, and work alongside specialist support services.": "घरेलु दुर्व्यवहार वा यौन हानिपछि पनि कहिलेकाहीँ पुनर्स्थापनात्मक न्यायले मद्दत गर्न सक्छ, तर सुरक्षित हुँदा मात्र। यस्ता मुद्दा थप तालिम पाएका सहजकर्ताहरूले हेर्नुहुन्छ। उहाँहरूले अर्को व्यक्तिबाट नियन्त्रण वा दबाब छ कि छैन भनेर ध्यानपूर्वक जाँच्नुहुन्छ, र विशेषज्ञ सहयोग सेवाहरूसँग मिलेर काम गर्नुहुन्छ।",
        "If you have been convicted of a sexual offence, we cannot take a referral from you through this form. Talk to your probation officer or offender manager instead: specialists decide whether any restorative work could be safe.": "तपाईंलाई यौन अपराधमा दोषी ठहर गरिएको छ भने, हामी यो फारमबाट तपाईंको अनुरोध लिन सक्दैनौं। बरु आफ्नो प्रोबेशन अधिकारी वा अफेन्डर म्यानेजरसँग कुरा गर्नुहोस्: कुनै पुनर्स्थापनात्मक काम सुरक्षित हुन सक्छ कि सक्दैन भनेर विशेषज्ञहरूले निर्णय गर्छन्।",
        "If you are the victim of a crime by an adult, the Victims' Code gives you the right to be told about restorative justice, and how to take part where a service is available.": "तपाईं कुनै वयस्कले गरेको अपराधको पीडित हुनुहुन्छ भने, पीडित संहिता (Victims' Code) ले तपाईंलाई पुनर्स्थापनात्मक न्यायबारे, र सेवा उपलब्ध भएमा त्यसमा कसरी भाग लिने भन्नेबारे जानकारी पाउने अधिकार दिन्छ।",
        "If nobody has told you about it, ask the police officer dealing with your case, or use this form.": "कसैले तपाईंलाई यसबारे बताएको छैन भने, तपाईंको मुद्दा हेर्ने प्रहरी अधिकारीलाई सोध्नुहोस्, वा यो फारम प्रयोग गर्नुहोस्।",
        "If you are in danger now, call 999. If you cannot speak, call 999 from a mobile and press 55 when asked.": "तपाईं अहिले खतरामा हुनुहुन्छ भने 999 मा फोन गर्नुहोस्। बोल्न सक्नुहुन्न भने, मोबाइलबाट 999 मा फोन गर्नुहोस् र सोधिँदा 55 थिच्नुहोस्।",
        "To report a crime that is not an emergency, call 101.": "आपत्कालीन नभएको अपराधको खबर गर्न 101 मा फोन गर्नुहोस्।",
        "If it happened somewhere else and you do not live here, contact the Police and Crime Commissioner for that area. Most have their own restorative justice service.": "घटना अन्यत्र भएको हो र तपाईं यहाँ बस्नुहुन्न भने, त्यस क्षेत्रको प्रहरी तथा अपराध आयुक्त (Police and Crime Commissioner) लाई सम्पर्क गर्नुहोस्। धेरैजसोको आफ्नै पुनर्स्थापनात्मक न्याय सेवा हुन्छ।",
        '<a id="a1">Victim Support</a> helps anyone affected by crime, for free, whether or not it was reported.': '<a id="a1">Victim Support</a> ले अपराधबाट प्रभावित जोसुकैलाई निःशुल्क मद्दत गर्छ, अपराधको खबर गरिएको होस् वा नहोस्।',
    },
    "ar": {
        "Refer yourself": "قدِّم طلبك بنفسك",
        "Ask for restorative justice. It is free, and you can stop at any time.": "اطلب العدالة التصالحية. إنها مجانية، ويمكنك التوقف في أي وقت.",
        "Use this form to ask for restorative justice. You can ask if you were harmed by a crime, if you caused harm, or for someone you support.": "استخدم هذا النموذج لطلب العدالة التصالحية. يمكنك أن تطلبها إذا تضررت من جريمة، أو إذا تسببت في ضرر، أو نيابة عن شخص تدعمه.",
        "It is free. It takes about 10 minutes. Saying yes now does not mean you have to meet anyone, and you can stop at any time.": "إنها مجانية. يستغرق ذلك نحو 10 دقائق. موافقتك الآن لا تعني أنك مضطر لمقابلة أحد، ويمكنك التوقف في أي وقت.",
        "Questions you can skip say (optional).": "الأسئلة التي يمكنك تخطيها مكتوب بجانبها (اختياري).",
        "A coordinator reads your form, usually within 2 working days.": "يقرأ أحد المنسّقين نموذجك، عادةً خلال يومَي عمل.",
        "They contact you in the way you chose, at a time you said is safe.": "يتواصل معك بالطريقة التي اخترتها، في وقت قلت إنه آمن.",
        "They listen, answer your questions and talk about what you would like to happen.": "يستمع إليك، ويجيب عن أسئلتك، ويتحدث معك عمّا تريد أن يحدث.",
        "Nothing else happens unless you want it to.": "لا يحدث أي شيء آخر إلا إذا أردت ذلك.",
        'Only the restorative justice team can see your answers. We use them to contact you about restorative justice and for nothing else. We delete your contact details one year after your case closes. Read our <a id="a1">privacy notice</a>.': 'لا يرى إجاباتك إلا فريق العدالة التصالحية. نستخدمها للتواصل معك بشأن العدالة التصالحية فقط. نحذف بيانات التواصل الخاصة بك بعد سنة من إغلاق قضيتك. اقرأ <a id="a1">إشعار الخصوصية</a>.',
        "Your referral has been sent": "تم إرسال طلبك",
        "If you do not hear from us by then, or you want to change how we contact you, phone us and give your reference number.": "إذا لم نتواصل معك بحلول ذلك الموعد، أو أردت تغيير طريقة تواصلنا معك، فاتصل بنا وأخبرنا برقمك المرجعي.",
        "If you are in danger now, call 999.": "إذا كنت في خطر الآن، اتصل بالرقم 999.",
        "You can use this form if:": "يمكنك استخدام هذا النموذج إذا:",
        "you were harmed by a crime or by anti-social behaviour": "تضررت من جريمة أو من سلوك معادٍ للمجتمع",
        "you caused harm and want to take responsibility for it": "تسببت في ضرر وتريد أن تتحمل مسؤوليته",
        "you are asking for someone else who knows about it and agrees": "كنت تطلب نيابة عن شخص آخر يعلم بذلك ويوافق عليه",
        "It must have happened in Fenmoor or Saltcombe, or you must live here now. It does not matter how long ago it happened, or whether anyone reported it to the police.": "يجب أن يكون ما حدث قد وقع في فنمور أو سولتكوم، أو أن تكون مقيمًا هنا الآن. لا يهم متى حدث ذلك، ولا إن كان أحد قد أبلغ الشرطة عنه.",
        "Under-18s can use it too: we pass their referral to the youth service in their area.": "يمكن لمن هم دون 18 عامًا استخدامه أيضًا: نحيل طلباتهم إلى خدمة الشباب في منطقتهم.",
        "Restorative justice can sometimes help after domestic abuse or sexual harm, but only when it is safe. Facilitators with extra training handle these cases. They check carefully for control or pressure from the other person, and work alongside specialist support services.": "قد تساعد العدالة التصالحية أحيانًا بعد العنف الأسري أو الأذى الجنسي، ولكن فقط عندما يكون ذلك آمنًا. يتولى هذه الحالات وسطاء حصلوا على تدريب إضافي. يتحققون بعناية من وجود أي سيطرة أو ضغط من الطرف الآخر، ويعملون جنبًا إلى جنب مع خدمات الدعم المتخصصة.",
        "If you have been convicted of a sexual offence, we cannot take a referral from you through this form. Talk to your probation officer or offender manager instead: specialists decide whether any restorative work could be safe.": "إذا صدر بحقك حكم بالإدانة في جريمة جنسية، فلا يمكننا قبول طلب منك عبر هذا النموذج. تحدّث بدلًا من ذلك مع ضابط المراقبة أو المسؤول عن ملفك: يقرر المختصون إن كان أي عمل تصالحي يمكن أن يكون آمنًا.",
        "If you are the victim of a crime by an adult, the Victims' Code gives you the right to be told about restorative justice, and how to take part where a service is available.": "إذا كنت ضحية جريمة ارتكبها شخص بالغ، فإن مدونة حقوق الضحايا (Victims' Code) تمنحك الحق في أن تُبلَّغ بالعدالة التصالحية، وبكيفية المشاركة فيها حيثما توجد خدمة لها.",
        "If nobody has told you about it, ask the police officer dealing with your case, or use this form.": "إذا لم يخبرك أحد بذلك، فاسأل ضابط الشرطة المسؤول عن قضيتك، أو استخدم هذا النموذج.",
        "If you are in danger now, call 999. If you cannot speak, call 999 from a mobile and press 55 when asked.": "إذا كنت في خطر الآن، اتصل بالرقم 999. إذا لم تستطع الكلام، اتصل بالرقم 999 من هاتف محمول واضغط 55 عندما يُطلب منك.",
        "To report a crime that is not an emergency, call 101.": "للإبلاغ عن جريمة ليست حالة طارئة، اتصل بالرقم 101.",
        "If it happened somewhere else and you do not live here, contact the Police and Crime Commissioner for that area. Most have their own restorative justice service.": "إذا حدث ذلك في مكان آخر ولم تكن تقيم هنا، فتواصل مع مفوض الشرطة والجريمة (Police and Crime Commissioner) في تلك المنطقة. لدى معظمهم خدمة عدالة تصالحية خاصة بهم.",
        '<a id="a1">Victim Support</a> helps anyone affected by crime, for free, whether or not it was reported.': '<a id="a1">Victim Support</a> تساعد مجانًا كل من تأثر بجريمة، سواء أُبلغ عنها أم لا.',
    },
}

# The page for professionals (selfreferral/demo.py). NATIVE SPEAKER REVIEW NEEDED.
PROFESSIONALS = {
    "pl": {
        "For professionals": "Dla profesjonalistów",
        "Refer someone you work with to restorative justice: what it can do, who can be referred and how we assess a referral.": "Skieruj do sprawiedliwości naprawczej osobę, z którą pracujesz: co może dać, kogo można skierować i jak oceniamy skierowanie.",
        "This page is for people who work with those harmed by crime or those who caused it: police, probation, prisons, Victim Support, youth justice, schools and health services.": "Ta strona jest dla osób, które pracują z poszkodowanymi przez przestępstwo albo z tymi, którzy je popełnili: policji, kuratorów, więziennictwa, Victim Support, wymiaru sprawiedliwości dla nieletnich, szkół i służby zdrowia.",
        "You can refer someone to us once they know about restorative justice and agree to be contacted. It is free and voluntary for everyone who takes part.": "Możesz skierować do nas osobę, gdy wie już o sprawiedliwości naprawczej i zgadza się na kontakt. Udział jest bezpłatny i dobrowolny dla wszystkich.",
        "Restorative justice gives the person harmed a chance to tell the person responsible how it affected them, to ask questions and to get answers. The person responsible can face what they did and try to put it right.": "Sprawiedliwość naprawcza daje osobie poszkodowanej szansę, by powiedzieć sprawcy, jak to na nią wpłynęło, zadać pytania i uzyskać odpowiedzi. Sprawca może zmierzyć się z tym, co zrobił, i spróbować to naprawić.",
        "It can be a meeting, with a trained facilitator there. It can also be a letter, a recorded message, or messages passed on by the facilitator, when meeting is not safe or not wanted.": "Może to być spotkanie z udziałem przeszkolonego mediatora. Może to być też list, nagrana wiadomość albo wiadomości przekazywane przez mediatora, gdy spotkanie nie jest bezpieczne albo nikt go nie chce.",
        "People harmed by any type of crime or anti-social behaviour, and people who caused harm and accept they did.": "Osoby poszkodowane przez każdy rodzaj przestępstwa lub zachowania aspołecznego oraz osoby, które wyrządziły krzywdę i to przyznają.",
        "Adults and under-18s: we pass referrals for under-18s to the youth service in their area.": "Dorośli i osoby poniżej 18 lat: skierowania osób poniżej 18 lat przekazujemy do służby dla młodzieży w ich okolicy.",
        "At any stage: before or after sentence, in custody or on licence, or with no court case at all.": "Na każdym etapie: przed wyrokiem lub po nim, w więzieniu albo po warunkowym zwolnieniu, a także bez żadnej sprawy sądowej.",
        "Cases of domestic abuse, sexual harm or hate crime are handled only by facilitators with extra training, and only when it is safe.": "Sprawami przemocy domowej, krzywdy seksualnej lub przestępstw z nienawiści zajmują się wyłącznie specjalnie przeszkoleni mediatorzy i tylko wtedy, gdy jest to bezpieczne.",
        "A coordinator reads the referral, usually within 2 working days, and contacts the person in the way you chose.": "Koordynator czyta skierowanie, zwykle w ciągu 2 dni roboczych, i kontaktuje się z osobą w wybrany przez Ciebie sposób.",
        "A facilitator meets each person separately to check that they are willing, able and safe to take part. Nothing happens until everyone involved agrees.": "Mediator spotyka się z każdą osobą osobno, aby sprawdzić, czy chce, może i bezpiecznie może wziąć udział. Nic się nie dzieje, dopóki wszyscy zainteresowani się nie zgodzą.",
        "If restorative justice is not right for now, we tell the person and suggest other support.": "Jeśli sprawiedliwość naprawcza nie jest teraz odpowiednia, mówimy o tym tej osobie i proponujemy inne wsparcie.",
        "Tell us about any risks you know of: it helps us plan safely. It does not stop a referral on its own.": "Powiedz nam o każdym znanym Ci ryzyku: pomaga nam to bezpiecznie zaplanować pracę. Samo w sobie nie przekreśla skierowania.",
        "A coordinator will read the referral and contact the person in the way you chose. If you asked for updates, we will email you when first contact is made and when the case closes.": "Koordynator przeczyta skierowanie i skontaktuje się z tą osobą w wybrany przez Ciebie sposób. Jeśli prosisz o informacje, napiszemy do Ciebie, gdy nawiążemy pierwszy kontakt i gdy sprawa zostanie zamknięta.",
        'Only the restorative justice team can see these answers, about the person and about you. We use them for this referral only, and delete them one year after the case closes. Read our <a id="a1">privacy notice</a>.': 'Odpowiedzi, zarówno o tej osobie, jak i o Tobie, widzi tylko zespół sprawiedliwości naprawczej. Używamy ich tylko do tego skierowania i usuwamy je rok po zamknięciu sprawy. Przeczytaj naszą <a id="a1">informację o prywatności</a>.',
        "Your referral has been sent": "Skierowanie zostało wysłane",
        "To ask about this referral, contact the restorative justice team and give the reference number.": "Aby zapytać o to skierowanie, skontaktuj się z zespołem sprawiedliwości naprawczej i podaj numer referencyjny.",
    },
    "ne": {
        "For professionals": "पेशाकर्मीहरूका लागि",
        "Refer someone you work with to restorative justice: what it can do, who can be referred and how we assess a referral.": "तपाईंले काम गर्ने व्यक्तिलाई पुनर्स्थापनात्मक न्यायमा पठाउनुहोस्: यसले के गर्न सक्छ, कसलाई पठाउन सकिन्छ र हामी अनुरोध कसरी जाँच्छौं।",
        "This page is for people who work with those harmed by crime or those who caused it: police, probation, prisons, Victim Support, youth justice, schools and health services.": "यो पृष्ठ अपराधबाट हानि भोगेका वा हानि गरेका मानिसहरूसँग काम गर्नेहरूका लागि हो: प्रहरी, प्रोबेशन, जेल, Victim Support, युवा न्याय, विद्यालय र स्वास्थ्य सेवाहरू।",
        "You can refer someone to us once they know about restorative justice and agree to be contacted. It is free and voluntary for everyone who takes part.": "व्यक्तिलाई पुनर्स्थापनात्मक न्यायबारे थाहा भएपछि र सम्पर्क गर्न सहमत भएपछि तपाईं उहाँलाई हामीकहाँ पठाउन सक्नुहुन्छ। भाग लिने सबैका लागि यो निःशुल्क र स्वैच्छिक छ।",
        "Restorative justice gives the person harmed a chance to tell the person responsible how it affected them, to ask questions and to get answers. The person responsible can face what they did and try to put it right.": "पुनर्स्थापनात्मक न्यायले हानि भोगेको व्यक्तिलाई जिम्मेवार व्यक्तिलाई आफूमाथि कस्तो असर पर्\u200dयो भनेर भन्ने, प्रश्न सोध्ने र जवाफ पाउने मौका दिन्छ। जिम्मेवार व्यक्तिले आफूले गरेको कुराको सामना गर्न र त्यसलाई सुधार्ने प्रयास गर्न सक्छ।",
        "It can be a meeting, with a trained facilitator there. It can also be a letter, a recorded message, or messages passed on by the facilitator, when meeting is not safe or not wanted.": "यो तालिम पाएका सहजकर्ताको उपस्थितिमा भेटघाट हुन सक्छ। भेट्नु सुरक्षित नभएमा वा कसैले नचाहेमा पत्र, रेकर्ड गरिएको सन्देश, वा सहजकर्ताले पुर्\u200dयाउने सन्देशहरू पनि हुन सक्छन्।",
        "People harmed by any type of crime or anti-social behaviour, and people who caused harm and accept they did.": "कुनै पनि प्रकारको अपराध वा असामाजिक व्यवहारबाट हानि भोगेका मानिसहरू, र हानि गरेको स्वीकार गर्ने मानिसहरू।",
        "Adults and under-18s: we pass referrals for under-18s to the youth service in their area.": "वयस्क र १८ वर्षमुनिका: १८ वर्षमुनिकाको अनुरोध हामी उनीहरूको क्षेत्रको युवा सेवामा पठाउँछौं।",
        "At any stage: before or after sentence, in custody or on licence, or with no court case at all.": "कुनै पनि चरणमा: सजाय हुनुअघि वा पछि, हिरासतमा वा लाइसेन्समा रिहा भएपछि, वा अदालतमा कुनै मुद्दा नभए पनि।",
        "Cases of domestic abuse, sexual harm or hate crime are handled only by facilitators with extra training, and only when it is safe.": "घरेलु दुर्व्यवहार, यौन हानि वा घृणा अपराधका मुद्दा थप तालिम पाएका सहजकर्ताहरूले मात्र, र सुरक्षित हुँदा मात्र हेर्नुहुन्छ।",
        "A coordinator reads the referral, usually within 2 working days, and contacts the person in the way you chose.": "एक संयोजकले अनुरोध पढ्नुहुन्छ, प्रायः २ कार्यदिनभित्र, र तपाईंले रोजेको तरिकाले व्यक्तिलाई सम्पर्क गर्नुहुन्छ।",
        "A facilitator meets each person separately to check that they are willing, able and safe to take part. Nothing happens until everyone involved agrees.": "एक सहजकर्ताले हरेक व्यक्तिलाई छुट्टाछुट्टै भेटेर उहाँ भाग लिन इच्छुक, सक्षम र सुरक्षित हुनुहुन्छ कि भनेर जाँच्नुहुन्छ। संलग्न सबै सहमत नभएसम्म केही हुँदैन।",
        "If restorative justice is not right for now, we tell the person and suggest other support.": "अहिलेका लागि पुनर्स्थापनात्मक न्याय उपयुक्त छैन भने, हामी व्यक्तिलाई भन्छौं र अरू सहयोगको सुझाव दिन्छौं।",
        "Tell us about any risks you know of: it helps us plan safely. It does not stop a referral on its own.": "तपाईंलाई थाहा भएका जोखिमहरूबारे हामीलाई बताउनुहोस्: यसले हामीलाई सुरक्षित योजना बनाउन मद्दत गर्छ। यसैले मात्र अनुरोध रोकिँदैन।",
        "A coordinator will read the referral and contact the person in the way you chose. If you asked for updates, we will email you when first contact is made and when the case closes.": "एक संयोजकले अनुरोध पढेर तपाईंले रोजेको तरिकाले व्यक्तिलाई सम्पर्क गर्नुहुनेछ। तपाईंले जानकारी मागेको भए, पहिलो सम्पर्क हुँदा र मुद्दा बन्द हुँदा हामी तपाईंलाई इमेल गर्नेछौं।",
        'Only the restorative justice team can see these answers, about the person and about you. We use them for this referral only, and delete them one year after the case closes. Read our <a id="a1">privacy notice</a>.': 'व्यक्तिबारे र तपाईंबारेका यी जवाफहरू पुनर्स्थापनात्मक न्याय टोलीले मात्र हेर्न सक्छ। हामी यिनलाई यही अनुरोधका लागि मात्र प्रयोग गर्छौं, र मुद्दा बन्द भएको एक वर्षपछि मेटाउँछौं। हाम्रो <a id="a1">गोपनीयता सूचना</a> पढ्नुहोस्।',
        "Your referral has been sent": "तपाईंको अनुरोध पठाइयो",
        "To ask about this referral, contact the restorative justice team and give the reference number.": "यो अनुरोधबारे सोध्न, पुनर्स्थापनात्मक न्याय टोलीलाई सम्पर्क गर्नुहोस् र सन्दर्भ नम्बर दिनुहोस्।",
    },
    "ar": {
        "For professionals": "للمهنيين",
        "Refer someone you work with to restorative justice: what it can do, who can be referred and how we assess a referral.": "أحِل شخصًا تعمل معه إلى العدالة التصالحية: ما الذي يمكن أن تقدمه، ومن يمكن إحالته، وكيف نقيّم الإحالة.",
        "This page is for people who work with those harmed by crime or those who caused it: police, probation, prisons, Victim Support, youth justice, schools and health services.": "هذه الصفحة لمن يعملون مع المتضررين من الجرائم أو مع من تسببوا فيها: الشرطة، والمراقبة، والسجون، وVictim Support، وعدالة الأحداث، والمدارس، والخدمات الصحية.",
        "You can refer someone to us once they know about restorative justice and agree to be contacted. It is free and voluntary for everyone who takes part.": "يمكنك إحالة شخص إلينا بعد أن يعرف بالعدالة التصالحية ويوافق على أن نتواصل معه. المشاركة مجانية وطوعية للجميع.",
        "Restorative justice gives the person harmed a chance to tell the person responsible how it affected them, to ask questions and to get answers. The person responsible can face what they did and try to put it right.": "تمنح العدالة التصالحية الشخص المتضرر فرصة ليخبر المسؤول عن الضرر بما سببه له، وليطرح أسئلته ويحصل على إجابات. ويمكن للمسؤول أن يواجه ما فعله ويحاول إصلاحه.",
        "It can be a meeting, with a trained facilitator there. It can also be a letter, a recorded message, or messages passed on by the facilitator, when meeting is not safe or not wanted.": "قد تكون لقاءً بحضور وسيط مدرَّب. وقد تكون أيضًا رسالة مكتوبة أو رسالة مسجلة أو رسائل ينقلها الوسيط، عندما لا يكون اللقاء آمنًا أو مرغوبًا.",
        "People harmed by any type of crime or anti-social behaviour, and people who caused harm and accept they did.": "المتضررون من أي نوع من الجرائم أو السلوك المعادي للمجتمع، ومن تسببوا في ضرر ويعترفون بذلك.",
        "Adults and under-18s: we pass referrals for under-18s to the youth service in their area.": "البالغون ومن هم دون 18 عامًا: نحيل طلبات من هم دون 18 عامًا إلى خدمة الشباب في منطقتهم.",
        "At any stage: before or after sentence, in custody or on licence, or with no court case at all.": "في أي مرحلة: قبل صدور الحكم أو بعده، أو في الحبس، أو بعد الإفراج المشروط، أو حتى دون أي قضية أمام المحكمة.",
        "Cases of domestic abuse, sexual harm or hate crime are handled only by facilitators with extra training, and only when it is safe.": "لا يتولى قضايا العنف الأسري أو الأذى الجنسي أو جرائم الكراهية إلا وسطاء حصلوا على تدريب إضافي، وفقط عندما يكون ذلك آمنًا.",
        "A coordinator reads the referral, usually within 2 working days, and contacts the person in the way you chose.": "يقرأ أحد المنسّقين الإحالة، عادةً خلال يومَي عمل، ويتواصل مع الشخص بالطريقة التي اخترتها.",
        "A facilitator meets each person separately to check that they are willing, able and safe to take part. Nothing happens until everyone involved agrees.": "يلتقي الوسيط بكل شخص على حدة ليتأكد من أنه راغب وقادر على المشاركة بأمان. لا يحدث شيء حتى يوافق كل المعنيين.",
        "If restorative justice is not right for now, we tell the person and suggest other support.": "إذا لم تكن العدالة التصالحية مناسبة الآن، نخبر الشخص بذلك ونقترح عليه دعمًا آخر.",
        "Tell us about any risks you know of: it helps us plan safely. It does not stop a referral on its own.": "أخبرنا بأي مخاطر تعرفها: يساعدنا ذلك على التخطيط بأمان. ولا يوقف ذلك الإحالة في حد ذاته.",
        "A coordinator will read the referral and contact the person in the way you chose. If you asked for updates, we will email you when first contact is made and when the case closes.": "سيقرأ أحد المنسّقين الإحالة ويتواصل مع الشخص بالطريقة التي اخترتها. إذا طلبت أن نبلغك بالمستجدات، فسنراسلك بالبريد الإلكتروني عند أول تواصل وعند إغلاق القضية.",
        'Only the restorative justice team can see these answers, about the person and about you. We use them for this referral only, and delete them one year after the case closes. Read our <a id="a1">privacy notice</a>.': 'لا يرى هذه الإجابات، عن الشخص وعنك، إلا فريق العدالة التصالحية. نستخدمها لهذه الإحالة فقط، ونحذفها بعد سنة من إغلاق القضية. اقرأ <a id="a1">إشعار الخصوصية</a>.',
        "Your referral has been sent": "تم إرسال الإحالة",
        "To ask about this referral, contact the restorative justice team and give the reference number.": "للسؤال عن هذه الإحالة، تواصل مع فريق العدالة التصالحية وأعطهم الرقم المرجعي.",
    },
}


def load(home):
    source, locales = ensure_locales()
    synchronise(source, locales)
    wirj = home.get_children().filter(slug="what-is-restorative-justice").first()
    # Found by its address, so home need not import the selfreferral app.
    referral = home.get_children().filter(slug="self-referral").first()
    is_it_safe = home.get_children().filter(slug="is-it-safe").first()
    professionals = home.get_children().filter(slug="professionals").first()
    for code in DEMO_LANGUAGES:
        if not is_translated(home, code):
            translate_page(home, code, HOME[code])
        if wirj is not None and not is_translated(wirj, code):
            translate_page(wirj, code, WHAT_IS_RJ[code])
        if referral is not None and not is_translated(referral, code):
            translate_page(referral, code, SELF_REFERRAL[code])
        if is_it_safe is not None and not is_translated(is_it_safe, code):
            translate_page(is_it_safe, code, IS_IT_SAFE[code])
        if professionals is not None and not is_translated(professionals, code):
            translate_page(professionals, code, PROFESSIONALS[code])
