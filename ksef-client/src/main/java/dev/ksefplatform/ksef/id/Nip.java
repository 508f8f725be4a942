package dev.ksefplatform.ksef.id;

/** Polish tax id (NIP): ten digits, the last a weighted mod-11 checksum of the first nine. */
public final class Nip {

    private static final int[] WEIGHTS = {6, 5, 7, 2, 3, 4, 5, 6, 7};

    private Nip() {
    }

    /** True when {@code value} is ten digits with a valid checksum. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 10 || !value.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += WEIGHTS[i] * (value.charAt(i) - '0');
        }
        int check = sum % 11;
        return check != 10 && check == value.charAt(9) - '0';
    }

    /** Appends the check digit to nine digits; returns null when no digit fits (checksum 10). */
    public static String withCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += WEIGHTS[i] * (nineDigits.charAt(i) - '0');
        }
        int check = sum % 11;
        return check == 10 ? null : nineDigits + check;
    }
}
