package dev.tributary.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ItemIdsTest {

  @Test
  void theLongFormIsTheTagPrefixAndSixteenHexDigits() {
    assertEquals("tag:google.com,2005:reader/item/000000000000048c", ItemIds.longForm(1164));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tag:google.com,2005:reader/item/000000000000048c", // long form, as handed out
        "tag:google.com,2005:reader/item/48c", // NetNewsWire: no padding
        "tag:google.com,2005:reader/item/000000000000048C", // upper case hex
        "000000000000048c", // Reeder: sixteen hex digits alone
        "1164", // decimal, as stream/items/ids hands out
        " 1164 "
      })
  void acceptsTheFourFormsClientsSend(String id) {
    assertEquals(1164, ItemIds.parse(id));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "tag:google.com,2005:reader/item/",
        "tag:google.com,2005:reader/item/xyz",
        "tag:google.com,2005:reader/item/00000000000000000001", // seventeen and more digits
        "48c", // hex needs the prefix or all sixteen digits
        "-5",
        "0",
        "0000000000000000",
        "12345678901234567890"
      })
  void refusesAnythingElseWithTheFormsItTakes(String id) {
    ItemIds.BadItemId e = assertThrows(ItemIds.BadItemId.class, () -> ItemIds.parse(id));
    assertEquals(true, e.getMessage().contains("16 hex digits"), e.getMessage());
  }

  @Test
  void refusesNull() {
    assertThrows(ItemIds.BadItemId.class, () -> ItemIds.parse(null));
  }
}
