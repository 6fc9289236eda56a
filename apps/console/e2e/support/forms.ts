import type { Locator, Page } from 'playwright-core';

/** Picks `option` in the select labelled `label` inside `scope` (its menu opens in a portal). */
export async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Makes `options` the choice of the multiple choice labelled `label`: an autocomplete (typed
 * into; what it chose beforehand and `options` lacks is removed) or a select whose menu stays
 * open.
 */
export async function chooseMany(
  page: Page,
  scope: Locator,
  label: string,
  options: readonly string[],
) {
  const box = scope.getByRole('combobox', { name: label });
  const autocomplete = await box.evaluate((element) => element instanceof HTMLInputElement);
  if (autocomplete) {
    // Once its choices are in, so are the chips of what the form chose beforehand.
    await box.click();
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await closePopup(page);
    // The chips sit beside the input; Backspace on a chip removes it.
    const chips = scope
      .locator('.MuiAutocomplete-root', { has: page.getByRole('combobox', { name: label }) })
      .locator('.MuiChip-root');
    for (const chip of await chips.all()) {
      if (!options.includes((await chip.innerText()).trim())) {
        await chip.focus();
        await page.keyboard.press('Backspace');
      }
    }
    const chosen = (await chips.allInnerTexts()).map((text) => text.trim());
    for (const option of options.filter((o) => !chosen.includes(o))) {
      await box.click();
      await box.fill(option);
      await page.getByRole('option', { name: option, exact: true }).click();
    }
    await closePopup(page);
    return;
  }
  await box.click();
  for (const option of options) {
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await page.keyboard.press('Escape');
}

/** Closes an open list of options; Escape with none open would close the dialog around it. */
async function closePopup(page: Page) {
  if (await page.getByRole('listbox').isVisible()) await page.keyboard.press('Escape');
}
