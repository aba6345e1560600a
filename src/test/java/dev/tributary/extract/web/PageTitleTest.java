package dev.tributary.extract.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTitleTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      value = {
        "Plan approved | The Courier             ; The Courier ; courier.example ; Plan approved",
        "Plan approved - The Courier             ; The Courier ; courier.example ; Plan approved",
        "Plan approved — The Courier             ; The Courier ; courier.example ; Plan approved",
        "The Courier | Plan approved             ; The Courier ; courier.example ; Plan approved",
        "Plan approved | courier.example         ; -           ; courier.example ; Plan approved",
        "Plan approved · Courier                 ; -           ; courier.example ; Plan approved",
        "Plan - a first step - The Courier       ; The Courier ; courier.example ; Plan - a first step",
        "Left - right                            ; The Courier ; courier.example ; Left - right",
        "Cats | Dogs                             ; -           ; -               ; Cats | Dogs",
        "Plan approved                           ; The Courier ; courier.example ; Plan approved",
      })
  void removesASiteNameOnlyWhenItNamesTheSite(
      String title, String siteName, String host, String expected) {
    assertEquals(expected, PageTitle.withoutSiteName(title, siteName, host));
  }
}
