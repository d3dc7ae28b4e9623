/* crm-demo-names.c — names, companies, cities and phones for demo data
 *
 * Two sets: Russian (with +7 numbers and Cyrillic names) and English. The
 * e-mail addresses of Russian names are transliterated as Russian companies
 * write them.
 *
 * Copyright 2026 The SalesCRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crm-core"

#include "config.h"

#include <string.h>

#include "crm-demo-names.h"

static const char *ru_male_first[] = {
  "Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Валерий", "Василий",
  "Виктор", "Владимир", "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл",
  "Константин", "Максим", "Михаил", "Никита", "Николай", "Олег", "Павел", "Пётр", "Роман",
  "Сергей", "Станислав", "Степан", "Тимур", "Фёдор", "Юрий", "Ярослав",
};
static const char *ru_female_first[] = {
  "Алёна", "Алина", "Анастасия", "Анна", "Валентина", "Валерия", "Вера", "Виктория", "Галина",
  "Дарья", "Евгения", "Екатерина", "Елена", "Жанна", "Зоя", "Ирина", "Карина", "Ксения",
  "Лариса", "Любовь", "Людмила", "Марина", "Мария", "Надежда", "Наталья", "Нина", "Оксана",
  "Ольга", "Полина", "Светлана", "Софья", "Татьяна", "Юлия", "Яна",
};
/* Masculine forms; the feminine adds "а" (or "ая" for "-ий"/"-ой" forms). */
static const char *ru_last[] = {
  "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
  "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
  "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
  "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
  "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
  "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
  "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
  "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов",
  "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
};
static const char *ru_middle_male[] = {
  "Александрович", "Алексеевич", "Андреевич", "Викторович", "Владимирович", "Дмитриевич",
  "Иванович", "Игоревич", "Михайлович", "Николаевич", "Олегович", "Павлович", "Петрович",
  "Сергеевич", "Юрьевич",
};
static const char *ru_middle_female[] = {
  "Александровна", "Алексеевна", "Андреевна", "Викторовна", "Владимировна", "Дмитриевна",
  "Ивановна", "Игоревна", "Михайловна", "Николаевна", "Олеговна", "Павловна", "Петровна",
  "Сергеевна", "Юрьевна",
};
static const char *ru_company_form[] = { "ООО", "ООО", "ООО", "АО", "ИП", "ЗАО" };
static const char *ru_company_word[] = {
  "Вектор", "Альфа", "Гранит", "Меридиан", "Северный ветер", "Техностиль", "Промсервис",
  "СтройИнвест", "Уральские окна", "Сибирский лес", "Волжский берег", "Азимут", "Ладога",
  "Престиж", "Горизонт", "Континент", "Квант", "Аврора", "Орбита", "Рассвет", "Спектр",
  "Эталон", "Профиль", "Капитал", "Энергия", "Магистраль", "Сфера", "Феникс", "Байкал",
  "Кедр", "Восток", "Импульс", "Ритм", "Успех", "Старт", "Лидер", "Союз", "Парус", "Пилот",
  "Оптима", "Максимум", "Глобус", "Атлант", "Стандарт", "Альянс", "Триумф", "Прогресс",
};
static const char *ru_company_kind[] = {
  "", "", "-Трейд", " Групп", "-Снаб", " Логистик", "-М", " Плюс", " Холдинг", "-Строй",
};
static const char *ru_cities[] = {
  "Москва", "Москва", "Москва", "Санкт-Петербург", "Санкт-Петербург", "Новосибирск",
  "Екатеринбург", "Казань", "Нижний Новгород", "Челябинск", "Самара", "Омск", "Ростов-на-Дону",
  "Уфа", "Красноярск", "Пермь", "Воронеж", "Волгоград", "Краснодар", "Тюмень", "Ижевск",
  "Барнаул", "Иркутск", "Хабаровск", "Ярославль", "Владивосток", "Томск", "Оренбург",
};
static const char *ru_streets[] = {
  "ул. Ленина", "ул. Мира", "пр. Победы", "ул. Гагарина", "ул. Советская", "ул. Садовая",
  "ул. Пушкина", "ул. Лесная", "ул. Молодёжная", "Набережная ул.", "ул. Строителей",
  "Октябрьский пр.", "ул. Чехова", "ул. Кирова",
};
static const char *ru_mail_domains[] = { "mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru" };

static const char *en_male_first[] = {
  "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
  "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua",
  "Kevin", "Brian", "George", "Edward", "Ryan", "Jacob", "Gary", "Eric", "Jonathan", "Peter",
};
static const char *en_female_first[] = {
  "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
  "Karen", "Lisa", "Nancy", "Betty", "Sandra", "Margaret", "Ashley", "Emily", "Donna", "Michelle",
  "Carol", "Amanda", "Melissa", "Deborah", "Laura", "Rebecca", "Sharon", "Cynthia", "Kathleen",
};
static const char *en_last[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
  "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
  "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young",
  "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell",
  "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards",
  "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
};
static const char *en_company_word[] = {
  "Vector", "Summit", "Granite", "Meridian", "Northwind", "Bluestone", "Pioneer", "Keystone",
  "Redwood", "Lakeside", "Silverline", "Horizon", "Atlas", "Evergreen", "Crescent", "Beacon",
  "Harbor", "Sterling", "Cascade", "Frontier", "Liberty", "Apex", "Orbit", "Prairie", "Quantum",
  "Riverbend", "Sunrise", "Trinity", "Union", "Westfield", "Oakridge", "Maple", "Ironwood",
};
static const char *en_company_kind[] = {
  " Inc.", " LLC", " Ltd", " Supply", " Logistics", " Group", " Partners", " Industries",
  " Solutions", " Trading", " Holdings", " Manufacturing",
};
static const char *en_cities[] = {
  "New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio",
  "San Diego", "Dallas", "Austin", "Jacksonville", "Columbus", "Charlotte", "Indianapolis",
  "Seattle", "Denver", "Boston", "Nashville", "Portland", "Detroit", "Memphis", "Baltimore",
};
static const char *en_streets[] = {
  "Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Elm St", "Park Ave", "Pine St", "Lake Rd",
  "Hill St", "River Rd", "Washington Blvd", "Sunset Blvd",
};
static const char *en_mail_domains[] = { "gmail.com", "yahoo.com", "outlook.com", "example.com" };

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

gboolean
crm_demo_names_russian (const char *language)
{
  return language != NULL && (g_str_has_prefix (language, "ru") || g_str_has_prefix (language, "uk") ||
                              g_str_has_prefix (language, "be") || g_str_has_prefix (language, "kk"));
}

static const char *translit[][2] = {
  { "а", "a" }, { "б", "b" }, { "в", "v" }, { "г", "g" }, { "д", "d" }, { "е", "e" },
  { "ё", "e" }, { "ж", "zh" }, { "з", "z" }, { "и", "i" }, { "й", "y" }, { "к", "k" },
  { "л", "l" }, { "м", "m" }, { "н", "n" }, { "о", "o" }, { "п", "p" }, { "р", "r" },
  { "с", "s" }, { "т", "t" }, { "у", "u" }, { "ф", "f" }, { "х", "kh" }, { "ц", "ts" },
  { "ч", "ch" }, { "ш", "sh" }, { "щ", "shch" }, { "ъ", "" }, { "ы", "y" }, { "ь", "" },
  { "э", "e" }, { "ю", "yu" }, { "я", "ya" },
};

/* "Семёнов" → "semenov": for e-mail addresses. */
char *
crm_demo_transliterate (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gsize len = (gsize) (g_utf8_next_char (p) - p);
      gboolean done = FALSE;

      for (gsize i = 0; i < G_N_ELEMENTS (translit); i++)
        if (strlen (translit[i][0]) == len && memcmp (translit[i][0], p, len) == 0)
          {
            g_string_append (out, translit[i][1]);
            done = TRUE;
            break;
          }
      if (!done && g_ascii_isalnum (*p))
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
feminine (const char *last)
{
  if (g_str_has_suffix (last, "ий"))
    {
      g_autofree char *stem = g_strndup (last, strlen (last) - strlen ("ий"));
      return g_strconcat (stem, "ая", NULL);
    }
  if (g_str_has_suffix (last, "ов") || g_str_has_suffix (last, "ев") ||
      g_str_has_suffix (last, "ёв") || g_str_has_suffix (last, "ин"))
    return g_strconcat (last, "а", NULL);
  return g_strdup (last);
}

void
crm_demo_person (GRand *rand, gboolean russian, CrmDemoPerson *out)
{
  gboolean female = g_rand_boolean (rand);

  if (russian)
    {
      const char *first = female ? PICK (rand, ru_female_first) : PICK (rand, ru_male_first);
      const char *middle = female ? PICK (rand, ru_middle_female) : PICK (rand, ru_middle_male);
      const char *last_m = PICK (rand, ru_last);
      g_autofree char *last = female ? feminine (last_m) : g_strdup (last_m);
      g_autofree char *t_first = crm_demo_transliterate (first);
      g_autofree char *t_last = crm_demo_transliterate (last);

      out->name = g_strdup_printf ("%s %s %s", last, first, middle);
      out->short_name = g_strdup_printf ("%s %s", first, last);
      out->email_local = g_strdup_printf ("%s.%s%d", t_first, t_last, g_rand_int_range (rand, 1, 99));
      out->email_domain = PICK (rand, ru_mail_domains);
    }
  else
    {
      const char *first = female ? PICK (rand, en_female_first) : PICK (rand, en_male_first);
      const char *last = PICK (rand, en_last);
      g_autofree char *l_first = g_ascii_strdown (first, -1);
      g_autofree char *l_last = g_ascii_strdown (last, -1);

      out->name = g_strdup_printf ("%s %s", first, last);
      out->short_name = g_strdup (out->name);
      out->email_local = g_strdup_printf ("%s.%s%d", l_first, l_last, g_rand_int_range (rand, 1, 99));
      out->email_domain = PICK (rand, en_mail_domains);
    }
}

void
crm_demo_person_clear (CrmDemoPerson *person)
{
  g_clear_pointer (&person->name, g_free);
  g_clear_pointer (&person->short_name, g_free);
  g_clear_pointer (&person->email_local, g_free);
}

char *
crm_demo_company (GRand *rand, gboolean russian)
{
  if (russian)
    {
      const char *form = PICK (rand, ru_company_form);
      if (g_str_equal (form, "ИП"))
        {
          const char *last = PICK (rand, ru_last);
          const char *first = PICK (rand, ru_male_first);
          g_autofree char *initial = g_utf8_substring (first, 0, 1);
          return g_strdup_printf ("ИП %s %s.", last, initial);
        }
      return g_strdup_printf ("%s «%s%s»", form, PICK (rand, ru_company_word), PICK (rand, ru_company_kind));
    }
  return g_strdup_printf ("%s%s", PICK (rand, en_company_word), PICK (rand, en_company_kind));
}

const char *
crm_demo_city (GRand *rand, gboolean russian)
{
  return russian ? PICK (rand, ru_cities) : PICK (rand, en_cities);
}

char *
crm_demo_address (GRand *rand, gboolean russian)
{
  if (russian)
    return g_strdup_printf ("%s, д. %d, оф. %d", PICK (rand, ru_streets),
                            g_rand_int_range (rand, 1, 120), g_rand_int_range (rand, 1, 400));
  return g_strdup_printf ("%d %s, Suite %d", g_rand_int_range (rand, 10, 9900),
                          PICK (rand, en_streets), g_rand_int_range (rand, 100, 900));
}

char *
crm_demo_phone (GRand *rand, gboolean russian)
{
  if (russian)
    {
      /* Mobile (9xx) mostly, some city numbers (343, 495, 812…). */
      static const int city_codes[] = { 495, 499, 812, 343, 383, 843, 342, 863 };
      int code = g_rand_int_range (rand, 0, 10) < 7
                 ? 900 + g_rand_int_range (rand, 0, 100)
                 : city_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (city_codes))];
      return g_strdup_printf ("+7 (%03d) %03d-%02d-%02d", code, g_rand_int_range (rand, 100, 1000),
                              g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 0, 100));
    }
  return g_strdup_printf ("+1 (%03d) %03d-%04d", g_rand_int_range (rand, 201, 990),
                          g_rand_int_range (rand, 200, 1000), g_rand_int_range (rand, 0, 10000));
}

char *
crm_demo_company_name (gboolean russian)
{
  return g_strdup (russian ? "ООО «Вектор Продаж»" : "Vector Sales Ltd");
}
