package org.linli.forum.web.common;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;

/**
 * Answers a resource request with no usable name ({@code /jakarta.faces.resource/.xhtml}) as a
 * resource that is not there, a 404, where the Faces implementation would fail on the empty
 * name with an error 500. Registered in faces-config.xml.
 */
public class ResourceNameCheck extends ResourceHandlerWrapper {

    public ResourceNameCheck(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName) {
        return usable(resourceName) ? super.createResource(resourceName) : null;
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        return usable(resourceName) ? super.createResource(resourceName, libraryName) : null;
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        return usable(resourceName) ? super.createResource(resourceName, libraryName, contentType) : null;
    }

    private static boolean usable(String name) {
        return name != null && !name.isBlank() && !name.startsWith("/") && !name.startsWith("\\");
    }
}
