package dev.ksefplatform.credentials.integration.adapter.web;

import java.util.List;

public record IntegrationPage(List<IntegrationBody> items, int page, int size) {
}
