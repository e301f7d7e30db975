"""Message texts of the people area (code → English and Chinese words)."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "people.id_length": Text(
        en="An ID number has 18 characters; this one has {length}",
        zh="身份证号应为18位，现在是{length}位"),
    "people.id_characters": Text(
        en="An ID number holds only digits; the last one may be X",
        zh="身份证号只能是数字，最后一位可以是X"),
    "people.id_birth_date": Text(
        en="The birth date in the ID number does not exist",
        zh="身份证号中的出生日期不存在"),
    "people.id_check_digit": Text(
        en="The ID number's check digit is wrong: please check it was copied correctly",
        zh="身份证号校验位不对，请核对是否抄错"),
    "people.phone_too_long": Text(
        en="The phone number is too long (at most {limit} characters)",
        zh="电话号码太长（最多 {limit} 个字）"),
    "people.phone_characters": Text(
        en="A phone number may hold only digits, spaces, hyphens (-), brackets and a plus "
           "sign: please delete the other characters",
        zh="电话号码里只能有数字、空格、横线（-）、括号和加号，请删掉其他字符"),
    "people.phone_unreadable": Text(
        en="The phone number cannot be read: write a mobile number or a landline with its "
           "area code",
        zh="电话号码无法识别，请写成手机号或带区号的座机号"),
    "people.phone_invalid": Text(
        en="The phone number is not a valid mobile or landline number (give a landline "
           "with its area code, e.g. 0546-8123456)",
        zh="电话号码不是有效的手机号或座机号（座机请带区号，如0546-8123456）"),
}
