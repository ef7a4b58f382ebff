package io.github.openrouter.spring.messages.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.DeserializerFactoryConfig;
import tools.jackson.databind.deser.BeanDeserializerFactory;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedWithParams;

/**
 * Creates a model record through Jackson's own creator, but calls the constructor through a
 * method handle adapted once to take the argument array: Jackson 3 calls it with
 * {@code MethodHandle.invokeWithArguments}, which adapts the handle again on every call (a few
 * hundred bytes and nanoseconds per record). Put on a record with
 * {@code @JsonValueInstantiator(RecordInstantiator.class)}. Support class of the model, not meant
 * for application code.
 *
 * @since 0.1.0
 */
public final class RecordInstantiator extends ValueInstantiator {

	private static final DefaultInstantiators defaults = new DefaultInstantiators();

	@Override
	public ValueInstantiator createContextual(DeserializationContext context, BeanDescription.Supplier bean) {
		ValueInstantiator standard = defaults.find(context, bean).createContextual(context, bean);
		MethodHandle creator = arrayCreator(standard);
		return (creator != null) ? new ArrayCreatorInstantiator(standard, creator) : standard;
	}

	@Override
	public Class<?> getValueClass() {
		return Object.class;
	}

	@Override
	public String getValueTypeDesc() {
		return Object.class.getName();
	}

	private static @Nullable MethodHandle arrayCreator(ValueInstantiator standard) {
		AnnotatedWithParams withArgs = standard.getWithArgsCreator();
		if (!standard.canCreateFromObjectWith() || !(withArgs instanceof AnnotatedConstructor)) {
			return null;
		}
		Constructor<?> constructor = ((AnnotatedConstructor) withArgs).getAnnotated();
		try {
			return MethodHandles.publicLookup()
				.unreflectConstructor(constructor)
				.asSpreader(Object[].class, constructor.getParameterCount())
				.asType(MethodType.methodType(Object.class, Object[].class));
		}
		catch (IllegalAccessException ex) {
			return null;
		}
	}

	/**
	 * Jackson's standard instantiator with the record constructor called through the adapted
	 * handle. When the constructor throws, the call is repeated through the standard instantiator
	 * so that the error is reported exactly as without this class.
	 */
	private static final class ArrayCreatorInstantiator extends ValueInstantiator.Delegating {

		private final MethodHandle creator;

		ArrayCreatorInstantiator(ValueInstantiator standard, MethodHandle creator) {
			super(standard);
			this.creator = creator;
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext context, BeanDescription.Supplier bean) {
			return this;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) {
			return createFromObjectWith(context, buffer.getParameters(context, properties));
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return (Object) this.creator.invokeExact(arguments);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				return delegate().createFromObjectWith(context, arguments);
			}
		}

	}

	/**
	 * Exposes how Jackson builds the instantiator of a type that carries no
	 * {@code @JsonValueInstantiator}.
	 */
	private static final class DefaultInstantiators extends BeanDeserializerFactory {

		private static final long serialVersionUID = 1L;

		DefaultInstantiators() {
			super(new DeserializerFactoryConfig());
		}

		ValueInstantiator find(DeserializationContext context, BeanDescription.Supplier bean) {
			return _constructDefaultValueInstantiator(context, bean);
		}

	}

}
